package org.vmsseaman.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLocationsTest {
    private static JsonLocations scan(String json) throws Exception {
        return JsonLocations.scan(new JsonFactory(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void locatesMembersAtTheirKeyAndElementsAtTheirStart() throws Exception {
        JsonLocations at = scan("{\n  \"tags\": [\n    {\"id\": \"a\",\n     \"r\": {\"max\": 1}},\n    7\n  ]\n}");
        assertThat(at.find("$")).isEqualTo(new JsonLocations.Position(1, 1));
        assertThat(at.find("$.tags")).isEqualTo(new JsonLocations.Position(2, 3));
        assertThat(at.find("$.tags[0]")).isEqualTo(new JsonLocations.Position(3, 5));
        assertThat(at.find("$.tags[0].id")).isEqualTo(new JsonLocations.Position(3, 6));
        assertThat(at.find("$.tags[0].r.max")).isEqualTo(new JsonLocations.Position(4, 12));
        assertThat(at.find("$.tags[1]")).isEqualTo(new JsonLocations.Position(5, 5));
    }

    @Test
    void unknownPathFallsBackToTheNearestAncestor() throws Exception {
        JsonLocations at = scan("{\"a\": {\"b\": 1}}");
        assertThat(at.find("$.a.c[3].d")).isEqualTo(at.find("$.a"));
    }

    @Test
    void oddMemberNamesUseBracketNotation() throws Exception {
        assertThat(JsonLocations.member("$", "$schema")).isEqualTo("$.$schema");
        assertThat(JsonLocations.member("$", "a b")).isEqualTo("$['a b']");
        JsonLocations at = scan("{\"a b\": {\"c\": [1, 2]}}");
        assertThat(at.find("$['a b'].c[1]")).isEqualTo(new JsonLocations.Position(1, 19));
    }
}
