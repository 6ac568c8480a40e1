package org.vmsseaman.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.historian.internal.HistorianImpl;
import org.vmsseaman.historian.internal.HistorianSettings;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** Helpers shared by the historian benchmark mains: options, the schema, statistics and CPU clocks. */
final class HistorianBench {

    /** Thread that opens each historian: DuckDB's native worker threads inherit its (Linux) name. */
    static final String OPENER_THREAD = "bench-duckdb";

    private HistorianBench() {}

    /** {@code --name value} options with defaults; {@code --help} prints them. */
    static final class Options {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, String> help = new TreeMap<>();

        Options(String[] args, String usage, String... defaults) {
            for (int i = 0; i < defaults.length; i += 3) {
                values.put(defaults[i], defaults[i + 1]);
                help.put(defaults[i], defaults[i + 1] + "  " + defaults[i + 2]);
            }
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.println(usage);
                    help.forEach((k, v) -> System.out.printf("  --%-16s %s%n", k, v));
                    System.exit(0);
                }
                if (!a.startsWith("--") || !values.containsKey(a.substring(2)) || i + 1 == args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + a + " (try --help)");
                }
                values.put(a.substring(2), args[++i].replace("_", ""));
            }
        }

        long number(String name) {
            return Long.parseLong(values.get(name));
        }

        String text(String name) {
            return values.get(name);
        }
    }

    /** Quiet logging unless asked otherwise: WARN and ERROR of the bundles still show. */
    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    /** The folder for the database files: given, or a new temporary one. */
    static Path workDir(String dir) throws IOException {
        if (dir != null && !dir.isBlank()) {
            return Files.createDirectories(Path.of(dir));
        }
        return Files.createTempDirectory("vmsseaman-historian-bench");
    }

    /** {@code n} DOUBLE tags {@code <prefix>0..} with the default historian policy (deadband 0). */
    static List<TagDefinition> doubleTags(String prefix, int n) {
        List<TagDefinition> definitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            definitions.add(new TagDefinition(
                    prefix + i,
                    null,
                    null,
                    "bench",
                    DataType.DOUBLE,
                    "bar",
                    null,
                    null,
                    false,
                    HistorianPolicy.DEFAULT,
                    null,
                    null));
        }
        return definitions;
    }

    /** Creates the historian's schema in {@code file} by opening and closing a historian on it. */
    static void createHistorianSchema(Path file) throws Exception {
        TagStoreImpl store = new TagStoreImpl();
        try {
            onOpenerThread(() -> new HistorianImpl(store, file, HistorianSettings.DEFAULTS))
                    .close();
        } finally {
            store.close();
        }
    }

    /** A plain DuckDB connection to {@code file}, the way the historian opens it. */
    static DuckDBConnection connect(Path file) throws SQLException {
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), new Properties());
    }

    /** Rows in {@code samples}, read with a fresh connection (the file must not be open elsewhere). */
    static long countSamples(Path file) throws SQLException {
        try (DuckDBConnection conn = connect(file);
                Statement st = conn.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM samples")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Bytes of the database file and its WAL. */
    static long fileBytes(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + ".wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    static void deleteDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }

    /**
     * Runs {@code task} on a new thread named {@link #OPENER_THREAD} and returns its result. DuckDB starts
     * its native worker threads when a database is opened; they inherit the opener's OS thread name, which
     * lets {@link ProcCpu} tell them apart from the JVM's threads.
     */
    static <T> T onOpenerThread(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(
                () -> {
                    try {
                        result.set(task.call());
                    } catch (Exception e) {
                        failure.set(e);
                    }
                },
                OPENER_THREAD);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of {@code sorted}. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** CPU time of live Java threads by name (ns), from {@link ThreadMXBean}. */
    static Map<String, Long> javaThreadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> result = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = mx.getThreadCpuTime(t.getId());
            if (cpu >= 0) {
                result.merge(t.getName(), cpu, Long::sum);
            }
        }
        return result;
    }

    /** CPU time of the whole process (ns), or -1 if the JVM does not tell. */
    static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Per-thread CPU of this process from {@code /proc/self/task} (Linux), grouped by OS thread name. */
    static final class ProcCpu {
        /** Clock ticks per second of /proc/.../stat; 100 on practically every Linux. */
        static final long TICKS_PER_SECOND = 100;

        /** OS thread name to CPU time in ns, summed over the threads of that name; empty if unavailable. */
        static Map<String, Long> snapshot() {
            Map<String, Long> result = new TreeMap<>();
            Path tasks = Path.of("/proc/self/task");
            if (!Files.isDirectory(tasks)) {
                return result;
            }
            try (Stream<Path> list = Files.list(tasks)) {
                for (Path task : (Iterable<Path>) list::iterator) {
                    try {
                        String comm = Files.readString(task.resolve("comm")).trim();
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                        result.merge(comm, ticks * 1_000_000_000L / TICKS_PER_SECOND, Long::sum);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return result;
            }
            return result;
        }
    }

    /** {@code after - before} per key, keys with a positive difference only, largest first. */
    static List<Map.Entry<String, Long>> delta(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> result = new ArrayList<>();
        for (var e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                result.add(Map.entry(e.getKey(), d));
            }
        }
        result.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed());
        return result;
    }
}
