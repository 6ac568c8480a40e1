package org.vmsseaman.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: the shipped example files and writing project text to a real file. */
final class ProjectFiles {
    private ProjectFiles() {}

    /** The text of a project shipped under {@code /demo/}. */
    static String builtIn(String name) {
        try (InputStream in = ProjectFiles.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The minimal example with {@code from} replaced by {@code to} (which must occur). */
    static String minimalWith(String from, String to) {
        String text = builtIn("minimal.vmsproj");
        if (!text.contains(from)) {
            throw new IllegalArgumentException("not in minimal.vmsproj: " + from);
        }
        return text.replace(from, to);
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line of the first occurrence of {@code needle} in {@code text}. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + needle);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
