package org.vmsseaman.project.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The published JSON Schema of {@code *.vmsproj} files, loaded from this bundle and never from the network. */
final class ProjectSchema {

    /** Classpath resource of the schema inside this bundle. */
    static final String RESOURCE = "/schema/vmsproj-1.schema.json";
    /** The schema's {@code $id}. */
    static final String ID = "https://vmsseaman.org/schema/vmsproj-1.schema.json";

    private final JsonSchema schema;

    ProjectSchema(ObjectMapper mapper) {
        JsonNode schemaNode;
        try (InputStream in = ProjectSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + RESOURCE + " missing from the bundle");
            }
            schemaNode = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + RESOURCE, e);
        }
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.jsonMapper(mapper)
                        .schemaLoaders(loaders -> loaders.add(new LocalOnlyLoader())));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
        this.schema = factory.getSchema(SchemaLocation.of(ID), schemaNode, config);
        this.schema.initializeValidators();
    }

    /** Validates a project document, adding one problem per schema violation. */
    void validate(JsonNode document, Problems problems) {
        for (ValidationMessage m : schema.validate(document)) {
            String path = toPath(m.getInstanceLocation());
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                path = JsonLocations.member(path, m.getProperty());
                problems.add(path, "unknown property '" + m.getProperty() + "'");
            } else {
                problems.add(path, text(m));
            }
        }
    }

    /** networknt's message without the leading instance location. */
    private static String text(ValidationMessage m) {
        String message = m.getMessage();
        String prefix = m.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String toPath(JsonNodePath location) {
        String path = "$";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index
                    ? JsonLocations.element(path, index)
                    : JsonLocations.member(path, String.valueOf(element));
        }
        return path;
    }

    /**
     * Lets networknt read its own bundled meta-schemas ({@code classpath:}) and refuses anything
     * else, so validation never reaches out to the network.
     */
    static final class LocalOnlyLoader implements SchemaLoader {
        @Override
        public InputStreamSource getSchema(com.networknt.schema.AbsoluteIri iri) {
            String s = iri.toString();
            if (s.startsWith("classpath:") || s.startsWith("resource:")) {
                return null;
            }
            return DisallowSchemaLoader.getInstance().getSchema(iri);
        }
    }
}
