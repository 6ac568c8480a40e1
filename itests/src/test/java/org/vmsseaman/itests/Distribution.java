package org.vmsseaman.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;
import org.vmsseaman.launcher.Main;
import org.vmsseaman.launcher.Options;

/**
 * pax-exam options that boot exactly the assembled distribution: every jar of its bundle/ folder, its
 * conf/ and deploy/ copied into a fresh home, and the framework properties of its launcher.
 */
final class Distribution {

    /** Framework property naming the test's runtime home. */
    static final String HOME = "vmsseaman.itest.home";
    /** Session tokens of the generated admin, per runtime port. */
    private static final Map<String, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private Distribution() {}

    static Option[] options() throws IOException {
        return options(null, Map.of());
    }

    /**
     * Options for a runtime started with {@code --vmsproj projectFile} (null: the demo vessel), with extra
     * files written into its conf/ folder (name to content) before it starts.
     */
    static Option[] options(Path projectFile, Map<String, String> confFiles) throws IOException {
        return options(projectFile, confFiles, List.of());
    }

    /** Like {@link #options(Path, Map)}, with more launcher options ({@code --tls-keystore ...}). */
    static Option[] options(Path projectFile, Map<String, String> confFiles, List<String> launcherArgs)
            throws IOException {
        Path dist = distribution();
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException(
                    "no assembled distribution at " + dist + ": build the distribution module first");
        }
        Path home = Files.createTempDirectory("vmsseaman-itest-");
        copyFolder(dist.resolve("conf"), home.resolve("conf"));
        copyFolder(dist.resolve("deploy"), home.resolve("deploy"));
        removeDemoScenarios(home.resolve("conf"));
        for (Map.Entry<String, String> f : confFiles.entrySet()) {
            Files.writeString(home.resolve("conf").resolve(f.getKey()), f.getValue());
        }
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
        if (projectFile != null) {
            args.addAll(List.of("--vmsproj", projectFile.toString()));
        }
        args.addAll(launcherArgs);
        Options options = Options.parse(args.toArray(String[]::new), home);

        Main.prepareHome(options);
        List<Option> result = new ArrayList<>();
        for (Map.Entry<String, Object> e : Main.frameworkProperties(options).entrySet()) {
            if (!e.getKey().startsWith("org.osgi.framework.storage")) { // pax-exam owns the cache
                result.add(frameworkProperty(e.getKey()).value(e.getValue()));
            }
        }
        result.add(frameworkProperty(HOME).value(home.toString()));
        result.add(frameworkProperty(Constants.FRAMEWORK_BOOTDELEGATION)
                .value("sun.*,com.sun.*,jdk.internal.reflect,jdk.internal.reflect.*"));
        result.add(systemProperty("vmsseaman.home").value(home.toString()));
        try (Stream<Path> jars = Files.list(dist.resolve("bundle"))) {
            for (Path jar :
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                // the launcher's start levels: logging and configuration first
                int level = Main.FIRST_BUNDLES.contains(symbolicName(jar)) ? 1 : 2;
                result.add(bundle(jar.toUri().toString()).startLevel(level).start());
            }
        }
        result.add(frameworkProperty("pax.exam.service.timeout").value("60000"));
        result.add(junitBundles());
        result.add(cleanCaches());
        return result.toArray(Option[]::new);
    }

    /**
     * The distribution's {@code conf/log4j2.xml} with the level of one of its loggers changed, to pass as a conf
     * file to {@link #options(Path, Map)}.
     */
    static String logConfigWithLevel(String logger, String level) throws IOException {
        String config = Files.readString(distribution().resolve("conf/log4j2.xml"));
        String changed = config.replaceFirst(
                "<Logger name=\"" + java.util.regex.Pattern.quote(logger) + "\" level=\"[A-Z]+\"/>",
                "<Logger name=\"" + logger + "\" level=\"" + level + "\"/>");
        if (changed.equals(config)) {
            throw new IllegalStateException("no logger " + logger + " in the distribution's log4j2.xml");
        }
        return changed;
    }

    /** The assembled distribution's folder. */
    private static Path distribution() {
        return Path.of(System.getProperty("vmsseaman.dist", "../distribution/target/vmsseaman"))
                .toAbsolutePath()
                .normalize();
    }

    /** The password the runtime in {@code home} generated for user admin on its first start (waits for it). */
    static String initialAdminPassword(Path home) {
        Path file = home.resolve(Main.INITIAL_ADMIN_PASSWORD);
        Await.until(java.time.Duration.ofSeconds(60), "the runtime writes " + file, () -> Files.exists(file));
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code admin:<generated password>} of the runtime in {@code home}, for HTTP Basic. */
    static String adminBasic(Path home) {
        return "admin:" + initialAdminPassword(home);
    }

    /** A session token of user admin in the runtime of {@code context}: logged in once per runtime. */
    static String adminToken(org.osgi.framework.BundleContext context) {
        return ADMIN_TOKENS.computeIfAbsent(
                context.getProperty("org.osgi.service.http.port"),
                port -> loginAdmin(port, Path.of(context.getProperty(HOME))));
    }

    /** Logs in as admin (waiting until the runtime answers) and returns the session token. */
    static String loginAdmin(Object port, Path home) {
        String password = initialAdminPassword(home);
        String[] token = new String[1];
        Await.until(java.time.Duration.ofSeconds(60), "admin logs in", () -> {
            var r = LoopbackHttp.login(port, "admin", password);
            if (r.statusCode() == 200) {
                token[0] = r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            }
            return token[0] != null;
        });
        return token[0];
    }

    /**
     * A simulator fault scenario for conf/ ({@code org.vmsseaman.driver.simulator.fault-<name>.cfg}): the tags
     * matching {@code tags} of device {@code sim} report a broken wire (BAD_SENSOR_FAILURE) from the start.
     */
    static String wireBreak(String tags) {
        return "device=sim\ntags=" + tags + "\ntype=BAD_QUALITY\nquality=BAD_SENSOR_FAILURE\n";
    }

    /** Deletes the demo vessel's timed fault scenarios: they are for a person watching; tests inject their own faults. */
    static void removeDemoScenarios(Path conf) throws IOException {
        try (Stream<Path> files = Files.list(conf)) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains(".fault-demo_"))
                    .toList()) {
                Files.delete(f);
            }
        }
    }

    /** The ERROR lines of the runtime log of the framework {@code context} belongs to. */
    /** The whiteboard patterns of every registered servlet. */
    static List<String> servletPatterns(org.osgi.framework.BundleContext context) {
        List<String> patterns = new ArrayList<>();
        try {
            for (org.osgi.framework.ServiceReference<?> r :
                    context.getServiceReferences("jakarta.servlet.Servlet", null)) {
                Object p = r.getProperty("osgi.http.whiteboard.servlet.pattern");
                if (p instanceof String[] a) {
                    patterns.addAll(List.of(a));
                } else if (p != null) {
                    patterns.add(p.toString());
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        return patterns;
    }

    static List<String> loggedErrors(org.osgi.framework.BundleContext context) throws IOException {
        Path log = Path.of(context.getProperty(HOME), "logs", "vmsseaman.log");
        if (!Files.exists(log)) {
            throw new AssertionError("the runtime does not log to " + log);
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Z ERROR ")).toList();
        }
    }

    /** Next candidate port of this test JVM: below Linux's ephemeral range (32768-60999), never handed out twice. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger(20_000 + new java.util.Random().nextInt(5_000));

    /**
     * A free loopback port for a runtime under test. Not {@code new ServerSocket(0)}: ports from the
     * ephemeral range can be handed again to another test's child process or to an outgoing connection
     * between the probe and the runtime binding it, and a test then talks to the wrong runtime.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int candidate = NEXT_PORT.getAndIncrement();
            try (ServerSocket s = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException inUse) {
                // taken: try the next one
            }
        }
        throw new IOException("no free loopback port from " + (NEXT_PORT.get() - 1_000));
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            String name = f.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? "" : name.split(";")[0].trim();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    /** A copy of the assembled distribution in a temporary folder, without data/ and logs/, to start as a process. */
    static Path copy() throws IOException {
        Path dist = distribution();
        Path home = Files.createTempDirectory("vmsseaman-start-");
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path f : files.toList()) {
                Path target = home.resolve(dist.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.startsWith(dist.resolve("data")) && !f.startsWith(dist.resolve("logs"))) {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES); // keeps the start script executable
                }
            }
        }
        return home;
    }

    /**
     * Starts a {@link #copy()} with bin/vmsseaman as a child process on {@code port}, as a user runs it; its
     * standard output and error are appended to {@code start-output.txt} in the home ({@link #startOutput}).
     */
    static Process start(Path home, int port) throws IOException {
        return new ProcessBuilder(home.resolve("bin/vmsseaman").toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("start-output.txt").toFile()))
                .start();
    }

    /** What the runtimes {@link #start started} in {@code home} printed so far. */
    static String startOutput(Path home) {
        return text(home.resolve("start-output.txt"));
    }

    /** A file's text, empty while it does not exist. */
    static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
