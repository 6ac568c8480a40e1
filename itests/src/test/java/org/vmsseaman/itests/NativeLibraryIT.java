package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;

/**
 * The distribution started by bin/vmsseaman loads DuckDB's native library from lib/native and unpacks nothing
 * into java.io.tmpdir (the stock driver jar unpacks ~70 MB there at every start).
 */
public class NativeLibraryIT {

    @Rule
    public final StartedRuntimes runtimes = new StartedRuntimes();

    @Test
    public void theHistorianLoadsDuckDbFromLibNativeAndNothingIsUnpacked() throws Exception {
        Path home = Distribution.copy();
        assertEquals("native libraries inside the shipped DuckDB bundle", List.of(), nativeEntries(duckDbBundle(home)));
        Process process = runtimes.start(home, Distribution.freePort());
        Path log = home.resolve("logs/vmsseaman.log");
        Await.until(
                Duration.ofSeconds(60),
                "the historian opened its database",
                () -> Distribution.text(log).contains("Historian recording to"),
                () -> Distribution.startOutput(home));

        // the start script execs java: the script's process is the runtime
        String library = mappedDuckDbLibrary(Path.of("/proc", Long.toString(process.pid()), "maps"));
        Path shipped = home.resolve("lib/native").toRealPath();
        assertTrue(
                "DuckDB's library is mapped from " + library + ", not from " + shipped,
                Path.of(library).startsWith(shipped));
        try (Stream<Path> tmp = Files.list(home.resolve("data/tmp"))) {
            assertEquals(
                    "files unpacked into the runtime's java.io.tmpdir",
                    List.of(),
                    tmp.map(p -> p.getFileName().toString())
                            .filter(n -> n.contains("duckdb"))
                            .toList());
        }
    }

    @Test
    public void theStartScriptRefusesAPlatformWithoutALibrary() throws Exception {
        Path home = Distribution.copy();
        try (Stream<Path> platforms = Files.walk(home.resolve("lib/native"))) {
            for (Path p : platforms.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(home.resolve("lib/native"))) {
                    Files.delete(p);
                }
            }
        }
        Process process =
                runtimes.track(new ProcessBuilder(home.resolve("bin/vmsseaman").toString())
                        .redirectErrorStream(true)
                        .start());
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue("the script ends", process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("exit status; output: " + output, 1, process.exitValue());
        assertTrue(output, output.contains("no DuckDB native library for this platform"));
    }

    private static Path duckDbBundle(Path home) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("bundle"))) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().startsWith("duckdb_jdbc-"))
                    .toList();
            assertEquals("DuckDB bundles in bundle/", 1, found.size());
            return found.get(0);
        }
    }

    private static List<String> nativeEntries(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.contains("libduckdb_java"))
                    .toList();
        }
    }

    /** The file DuckDB's library is mapped from in a process's memory map. */
    private static String mappedDuckDbLibrary(Path maps) throws IOException {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(l -> l.contains("libduckdb_java"))
                    .map(l -> l.substring(l.indexOf('/')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("DuckDB's library is not mapped (" + maps + ")"));
        }
    }
}
