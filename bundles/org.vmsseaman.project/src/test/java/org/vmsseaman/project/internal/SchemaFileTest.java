package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.project.ProjectException;

class SchemaFileTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode schema() throws Exception {
        try (InputStream in = SchemaFileTest.class.getResourceAsStream(ProjectSchema.RESOURCE)) {
            return mapper.readTree(in);
        }
    }

    @Test
    void schemaIsDraft202012WithDescriptionsAndClosedObjects() throws Exception {
        JsonNode schema = schema();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(ProjectSchema.ID);
        List<String> missing = new ArrayList<>();
        walk(schema, "#", missing);
        assertThat(missing).isEmpty();
    }

    /** Every object schema with properties is closed, and every property has a description. */
    private static void walk(JsonNode node, String at, List<String> missing) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null
                    && node.has("type")
                    && !node.path("additionalProperties").isBoolean()) {
                missing.add(at + ": additionalProperties not false");
            }
            if (props != null && node.has("type")) {
                for (Map.Entry<String, JsonNode> e : props.properties()) {
                    if (!e.getValue().has("description")) {
                        missing.add(at + "/properties/" + e.getKey() + ": no description");
                    }
                }
            }
            node.properties().forEach(e -> walk(e.getValue(), at + "/" + e.getKey(), missing));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, missing);
            }
        }
    }

    @Test
    void demoAndMinimalValidateAgainstTheSchemaAlone() throws Exception {
        ProjectSchema schema = new ProjectSchema(mapper);
        for (String name : List.of("demo-vessel.vmsproj", "minimal.vmsproj")) {
            JsonNode doc = mapper.readTree(ProjectFiles.builtIn(name));
            Problems problems = new Problems(
                    name,
                    JsonLocations.scan(
                            mapper.getFactory(), ProjectFiles.builtIn(name).getBytes()));
            schema.validate(doc, problems);
            assertThat(problems.isEmpty()).as(name).isTrue();
        }
    }

    @Test
    void schemaNeverLoadsAnythingFromTheNetwork() {
        ProjectSchema.LocalOnlyLoader loader = new ProjectSchema.LocalOnlyLoader();
        assertThatThrownBy(() -> loader.getSchema(AbsoluteIri.of("https://vmsseaman.org/schema/other.json")))
                .hasMessageContaining("not allowed");
        assertThat(loader.getSchema(AbsoluteIri.of("classpath:draft/2020-12/schema")))
                .isNull();
    }

    @Test
    void aRemoteRefInAProjectIsNotFollowed() {
        Path file = ProjectFiles.write(
                dir,
                "ref.vmsproj",
                ProjectFiles.minimalWith(
                        "\"schemaVersion\": 1,", "\"schemaVersion\": {\"$ref\": \"https://example.org/x.json\"},"));
        assertThatThrownBy(() -> new ProjectReader().read(file))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("$.schemaVersion");
    }
}
