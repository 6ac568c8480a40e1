package org.vmsseaman.project.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.vmsseaman.api.project.ProjectException;
import org.vmsseaman.api.project.ProjectProblem;
import org.vmsseaman.api.project.VesselProject;

/**
 * Reads a project file in layers: JSON syntax, the JSON Schema, the semantic rules, and only then
 * maps it to the API records. Any problem refuses the file as a whole. Thread-safe.
 */
public final class ProjectReader {
    /** Largest project file accepted, in bytes. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Deepest nesting of arrays and objects accepted. */
    static final int MAX_NESTING = 64;
    /** Source name prefix of built-in projects. */
    static final String DEMO_PREFIX = "demo:";

    private final ObjectMapper mapper;
    private final ProjectSchema schema;

    public ProjectReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxDocumentLength(MAX_FILE_BYTES)
                        .maxStringLength(1_000_000)
                        .maxNumberLength(100)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.schema = new ProjectSchema(new ObjectMapper());
    }

    /** Reads and validates a project file. */
    public VesselProject read(Path file) throws ProjectException {
        String name = file.toString();
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw single(name, "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " accepted");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw single(name, "file not found");
        } catch (IOException e) {
            throw single(name, "cannot read file: " + e);
        }
        return read(name, content);
    }

    /** Reads and validates a built-in project shipped in this bundle under {@code /demo/}. */
    public VesselProject readBuiltIn(String resourceName) throws ProjectException {
        String name = DEMO_PREFIX + resourceName;
        try (InputStream in = ProjectReader.class.getResourceAsStream("/demo/" + resourceName)) {
            if (in == null) {
                throw single(name, "no built-in project of that name");
            }
            return read(name, in.readAllBytes());
        } catch (IOException e) {
            throw single(name, "cannot read built-in project: " + e);
        }
    }

    /** Reads and validates project content; {@code source} names it in problems and in the project. */
    public VesselProject read(String source, byte[] content) throws ProjectException {
        JsonLocations locations;
        JsonNode document;
        try {
            locations = JsonLocations.scan(mapper.getFactory(), content);
            document = mapper.readTree(content);
        } catch (JsonLocations.SyntaxError e) {
            throw new ProjectException(List.of(new ProjectProblem(
                    source, e.path(), e.position().line(), e.position().column(), "invalid JSON: " + e.getMessage())));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ProjectException(
                    List.of(new ProjectProblem(source, "$", line, column, "invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw single(source, "cannot read JSON: " + e.getMessage());
        }
        Problems problems = new Problems(source, locations);
        if (document == null || document.isMissingNode() || !document.isObject()) {
            problems.add("$", "the project must be a JSON object");
            problems.throwIfAny();
        }
        schema.validate(document, problems);
        SemanticChecks.check(document, problems);
        problems.throwIfAny();
        return ProjectMapper.map(document, source);
    }

    private static ProjectException single(String file, String message) {
        return new ProjectException(List.of(new ProjectProblem(file, "$", 0, 0, message)));
    }
}
