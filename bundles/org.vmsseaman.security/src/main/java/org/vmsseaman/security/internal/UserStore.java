package org.vmsseaman.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.security.Role;

/** Reads and writes {@code users.json}: owner-only, replaced atomically on every change. */
final class UserStore {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    UserStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The stored users; a file others can read is narrowed to its owner first. */
    List<StoredUser> load() throws IOException {
        if (OwnerOnlyFiles.openToOthers(file)) {
            OwnerOnlyFiles.narrow(file);
        }
        JsonNode root = MAPPER.readTree(file.toFile());
        List<StoredUser> users = new ArrayList<>();
        for (JsonNode u : root.path("users")) {
            String name = u.path("name").asText();
            String hash = u.path("hash").asText();
            if (name.isBlank() || !hash.startsWith("$2")) {
                throw new IOException(file + ": every user needs a name and a bcrypt hash");
            }
            users.add(new StoredUser(
                    name,
                    Role.of(u.path("role").asText()),
                    hash,
                    Instant.parse(u.path("created").asText()),
                    Instant.parse(u.path("passwordChanged").asText())));
        }
        return users;
    }

    void save(List<StoredUser> users) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("users");
        for (StoredUser u : users) {
            list.addObject()
                    .put("name", u.name())
                    .put("role", u.role().label())
                    .put("hash", u.hash())
                    .put("created", u.created().toString())
                    .put("passwordChanged", u.passwordChanged().toString());
        }
        OwnerOnlyFiles.write(file, MAPPER.writeValueAsBytes(root));
    }
}
