package org.vmsseaman.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.apache.felix.main.AutoProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Starts VMS Seaman: a Felix framework that installs and starts every jar in {@code bundle/}, with
 * FileInstall watching {@code conf/} (configuration) and {@code deploy/} (hot-swappable drivers).
 */
public final class Main {

    /**
     * Bundles started at start level 1, before everything else at level 2: logging first, so every bundle's
     * log lines go through the configured appenders (and into logs/), then configuration.
     */
    public static final Set<String> FIRST_BUNDLES = Set.of(
            "org.ops4j.pax.logging.pax-logging-api",
            "org.ops4j.pax.logging.pax-logging-log4j2",
            "org.apache.felix.configadmin");

    /** Id of the security bundle's Web Console security provider, which the console waits for. */
    public static final String WEBCONSOLE_SECURITY_PROVIDER = "vmsseaman";

    /** Where the first start writes the generated password of user {@code admin}, relative to the home. */
    public static final String INITIAL_ADMIN_PASSWORD = "data/security/initial-admin-password";

    private Main() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, defaultHome());
        } catch (IllegalArgumentException e) {
            System.err.println("vmsseaman: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        if (options.vmsproj() != null && !Files.isRegularFile(options.vmsproj())) {
            System.err.println("vmsseaman: project file not found: " + options.vmsproj());
            System.exit(2);
        }
        String nativeProblem = nativeLibraryProblem(options.home(), System.getProperty("java.library.path", ""));
        if (nativeProblem != null) {
            System.err.println("vmsseaman: " + nativeProblem);
            System.exit(2);
        }
        // Until pax-logging takes over java.util.logging, bundles that log through it (SPI Fly) would flood the
        // console.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        prepareHome(options);
        Map<String, Object> properties;
        try {
            properties = frameworkProperties(options);
        } catch (IllegalArgumentException e) {
            System.err.println("vmsseaman: " + e.getMessage());
            System.exit(2);
            return;
        }
        Felix felix = new Felix(properties);
        felix.init();
        AutoProcessor.process(properties, felix.getBundleContext());
        for (Bundle b : felix.getBundleContext().getBundles()) {
            if (FIRST_BUNDLES.contains(b.getSymbolicName())) {
                b.adapt(BundleStartLevel.class).setStartLevel(1);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(felix), "vmsseaman-shutdown"));
        felix.start();
        printBanner(options);
        FrameworkEvent event = felix.waitForStop(0);
        if (event.getType() == FrameworkEvent.ERROR) {
            System.exit(1);
        }
    }

    /**
     * Readies the runtime home before the framework is created: removes the bundle cache (bundle/ is the
     * truth at every start; deploy/ is re-read by FileInstall), creates deploy/, logs/ and data/tmp/, and
     * sets the system properties the logging configuration and native libraries use.
     */
    public static void prepareHome(Options o) throws IOException {
        Path home = o.home();
        deleteTree(home.resolve("data/felix-cache"));
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("logs"));
        Path tmp = home.resolve("data/tmp");
        Files.createDirectories(tmp);
        System.setProperty("java.io.tmpdir", tmp.toString());
        System.setProperty("vmsseaman.home", home.toString());
    }

    /**
     * Why the historian's DuckDB driver would not find its native library, or null if it will. A distribution
     * ships the library in {@code lib/native/<os>_<arch>/} and its DuckDB bundle without it, and bin/vmsseaman
     * puts the machine's folder on {@code java.library.path}; started another way (java -jar) the historian
     * would fail only when it opens its database. A home without {@code lib/native} has nothing to check.
     */
    static String nativeLibraryProblem(Path home, String libraryPath) {
        Path nativeDir = home.resolve("lib/native");
        if (!Files.isDirectory(nativeDir)) {
            return null;
        }
        String name = System.mapLibraryName("duckdb_java");
        for (String dir : libraryPath.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isRegularFile(Path.of(dir, name))) {
                return null;
            }
        }
        return "DuckDB's native library " + name + " is not on java.library.path (" + libraryPath
                + "): start with bin/vmsseaman, or add -Djava.library.path=" + nativeDir
                + "/<os>_<arch> (the folder for this machine)";
    }

    /**
     * The framework properties the runtime starts with; also used by the in-framework tests so they boot
     * exactly what the distribution boots. No side effects.
     */
    public static Map<String, Object> frameworkProperties(Options o) {
        Path home = o.home();
        Path cache = home.resolve("data/felix-cache");
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*,jdk.internal.reflect,jdk.internal.reflect.*");
        p.put(AutoProcessor.AUTO_DEPLOY_DIR_PROPERTY, home.resolve("bundle").toString());
        p.put(AutoProcessor.AUTO_DEPLOY_ACTION_PROPERTY, "install,start");
        p.put(AutoProcessor.AUTO_DEPLOY_STARTLEVEL_PROPERTY, "2");
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "2");
        p.put("felix.log.level", "1");
        // Logging: configured from the first bundle start, not only once FileInstall has read conf/
        p.put(
                "org.ops4j.pax.logging.log4j2.config.file",
                home.resolve("conf/log4j2.xml").toString());
        p.put("org.ops4j.pax.logging.DefaultServiceLog.level", "WARN");
        p.put("org.ops4j.pax.logging.StatusLogger.level", "WARN");
        // FileInstall: one watcher per folder, straight from framework properties: conf/ (*.cfg into ConfigAdmin)
        // and deploy/ (driver bundles). Not a factory configuration in conf/: ConfigAdmin re-delivering it
        // restarts the deploy/ watcher, and a removal during that restart went unnoticed (seen in itests).
        p.put("felix.fileinstall.dir", home.resolve("conf") + "," + home.resolve("deploy"));
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config|jar)");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", "2");
        // HTTP
        p.put("org.osgi.service.http.port", Integer.toString(o.port()));
        p.put("org.ops4j.pax.web.listening.addresses", o.host());
        if (o.tls()) {
            tls(o, p);
        }
        p.put("org.ops4j.pax.web.server.connector.idleTimeout", "30000");
        Path jettyXml = home.resolve("conf/jetty.xml"); // Jetty's own refusals (400, 414, 431) in JSON
        if (Files.isRegularFile(jettyXml)) {
            p.put("org.ops4j.pax.web.config.file", jettyXml.toString());
        }
        // Web Console: never its built-in admin/admin. It stays unregistered until the security bundle's
        // provider (VMS Seaman users, role admin) is there, and that provider outranks the built-in one.
        p.put("felix.webconsole.security.providers", WEBCONSOLE_SECURITY_PROVIDER);
        // Gogo shell only when asked for
        p.put("gosh.args", o.console() ? "" : "--nointeractive");
        // VMS Seaman
        p.put("vmsseaman.home", home.toString());
        if (o.vmsproj() != null) {
            p.put("vmsseaman.project.file", o.vmsproj().toString());
        }
        p.put("vmsseaman.historian.db", o.db().toString());
        p.put("vmsseaman.http.host", o.host());
        p.put("vmsseaman.http.port", Integer.toString(o.port()));
        return p;
    }

    /**
     * HTTPS only, on the one port: pax-web's secure connector with the keystore, TLS 1.3 and 1.2, plain HTTP off.
     *
     * @throws IllegalArgumentException naming the file if the keystore or its password file cannot be read
     */
    static void tls(Options o, Map<String, Object> p) {
        if (!Files.isReadable(o.tlsKeystore())) {
            throw new IllegalArgumentException("--tls-keystore: cannot read " + o.tlsKeystore());
        }
        String password;
        try {
            password = Files.readString(o.tlsPasswordFile()).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the keystore password file " + o.tlsPasswordFile() + " cannot be read ("
                    + e.getMessage() + "): write the password into it, readable by the runtime's user only");
        }
        String type = o.tlsKeystore()
                        .getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".jks")
                ? "JKS"
                : "PKCS12";
        p.put("org.osgi.service.http.enabled", "false");
        p.put("org.osgi.service.http.secure.enabled", "true");
        p.put("org.osgi.service.http.port.secure", Integer.toString(o.port()));
        p.put("org.ops4j.pax.web.ssl.keystore", o.tlsKeystore().toString());
        p.put("org.ops4j.pax.web.ssl.keystore.type", type);
        p.put("org.ops4j.pax.web.ssl.keystore.password", password);
        p.put("org.ops4j.pax.web.ssl.key.password", password);
        p.put("org.ops4j.pax.web.ssl.protocols.included", "TLSv1.3,TLSv1.2");
        p.put("vmsseaman.http.scheme", "https");
    }

    private static void printBanner(Options o) {
        String host = o.host().equals("0.0.0.0") ? "localhost" : o.host();
        String base = (o.tls() ? "https://" : "http://") + host + ":" + o.port();
        System.out.println("VMS Seaman started (home " + o.home() + ")");
        System.out.println("  project:     " + (o.vmsproj() == null ? "built-in demo vessel" : o.vmsproj()));
        System.out.println("  REST API:    " + base + "/health, " + base + "/tags");
        System.out.println("  log in:      POST " + base + "/auth/login (users and roles: README)");
        System.out.println("  Web Console: " + base + "/system/console (administrators)");
        Path initial = o.home().resolve(INITIAL_ADMIN_PASSWORD);
        System.out.println("  first login: user 'admin', password in " + initial
                + " (written on first start, deleted once the password is changed)");
        System.out.println("  logs:        " + o.home().resolve("logs"));
        if (!o.tls()
                && !o.host().startsWith("127.")
                && !o.host().equals("localhost")
                && !o.host().equals("::1")) {
            System.out.println(
                    "  WARNING: listening on " + o.host() + " over plain HTTP: passwords and session tokens cross"
                            + " the network unencrypted. Use a trusted network only.");
        }
    }

    private static void stop(Felix felix) {
        try {
            felix.stop();
            felix.waitForStop(30_000);
        } catch (BundleException | InterruptedException e) {
            System.err.println("vmsseaman: stop failed: " + e);
        }
    }

    private static Path defaultHome() {
        try {
            Path jar = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent().getParent().toAbsolutePath(); // lib/vmsseaman-launcher.jar -> home
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of(".").toAbsolutePath();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
