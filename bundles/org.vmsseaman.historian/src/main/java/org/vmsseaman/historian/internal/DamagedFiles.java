package org.vmsseaman.historian.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recognises a database file that cannot be opened and moves it (and its WAL) aside. */
final class DamagedFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private DamagedFiles() {}

    /** The WAL of a database file. */
    static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    /**
     * {@code true} if opening failed because of the file's content, not because it is locked by another
     * process or not accessible, and there is a file to move.
     */
    static boolean looksDamaged(Path file, SQLException e) {
        if (!Files.exists(file) && !Files.exists(wal(file))) {
            return false;
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return !(m.contains("lock") || m.contains("permission denied") || m.contains("read-only"));
    }

    /**
     * Renames the file and its WAL to {@code <name>.damaged-<UTC timestamp>} in the same folder.
     *
     * @return the new paths
     * @throws IllegalStateException if a file cannot be moved
     */
    static List<Path> moveAside(Path file) {
        return moveAside(List.of(file, wal(file)));
    }

    /**
     * Renames each of {@code files} that exists to {@code <name>.damaged-<UTC timestamp>} in its folder.
     *
     * @return the new paths
     * @throws IllegalStateException if a file cannot be moved
     */
    static List<Path> moveAside(List<Path> files) {
        String suffix = ".damaged-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        List<Path> moved = new ArrayList<>(2);
        for (Path p : files) {
            if (!Files.exists(p)) {
                continue;
            }
            Path target = unique(p.resolveSibling(p.getFileName() + suffix));
            try {
                try {
                    Files.move(p, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p, target);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot move damaged historian file " + p + " aside", e);
            }
            moved.add(target);
        }
        return moved;
    }

    private static Path unique(Path target) {
        Path candidate = target;
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = target.resolveSibling(target.getFileName() + "-" + i);
        }
        return candidate;
    }
}
