package org.vmsseaman.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of the runtime; names follow the reference runtime (--vmsproj, --host, --port, --db). */
public record Options(
        Path home,
        Path vmsproj,
        String host,
        int port,
        Path db,
        boolean console,
        boolean help,
        Path tlsKeystore,
        Path tlsPasswordFile) {

    static final String USAGE = String.join(
            "\n",
            "Usage: vmsseaman [options]",
            "  --vmsproj FILE   vessel project file (*.vmsproj); default: the built-in demo vessel",
            "  --host HOST      address to listen on (default 127.0.0.1; 0.0.0.0 for the ship network)",
            "  --port PORT      HTTP port (default 8765)",
            "  --db PATH        historian database file (default data/historian.duckdb)",
            "  --home DIR       runtime home with bundle/, deploy/, conf/, data/, logs/ (default: the installation)",
            "  --console        interactive Gogo shell on standard input",
            "  --tls-keystore FILE        serve HTTPS (and WSS) only, on --port, with the key and certificate in FILE",
            "                             (PKCS#12, or JKS if the name ends in .jks)",
            "  --tls-password-file FILE   file holding the keystore's password (default conf/tls-keystore-password)",
            "  --help           this text");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static Options parse(String[] args, Path defaultHome) {
        Path home = defaultHome;
        Path vmsproj = null;
        String host = "127.0.0.1";
        int port = 8765;
        Path db = null;
        boolean console = false;
        boolean help = false;
        Path tlsKeystore = null;
        Path tlsPasswordFile = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String opt = rest.remove(0);
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            }
            switch (opt) {
                case "--help", "-h" -> help = true;
                case "--console" -> console = true;
                case "--vmsproj" -> vmsproj = Path.of(value(opt, value, rest)).toAbsolutePath();
                case "--host" -> host = value(opt, value, rest);
                case "--port" -> port = port(value(opt, value, rest));
                case "--db" -> db = Path.of(value(opt, value, rest)).toAbsolutePath();
                case "--home" -> home = Path.of(value(opt, value, rest)).toAbsolutePath();
                case "--tls-keystore" ->
                    tlsKeystore = Path.of(value(opt, value, rest)).toAbsolutePath();
                case "--tls-password-file" ->
                    tlsPasswordFile = Path.of(value(opt, value, rest)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option '" + opt + "'");
            }
        }
        if (db == null) {
            db = home.resolve("data").resolve("historian.duckdb");
        }
        if (tlsPasswordFile != null && tlsKeystore == null) {
            throw new IllegalArgumentException("--tls-password-file needs --tls-keystore");
        }
        if (tlsKeystore != null && tlsPasswordFile == null) {
            tlsPasswordFile = home.resolve("conf").resolve("tls-keystore-password");
        }
        return new Options(home, vmsproj, host, port, db, console, help, tlsKeystore, tlsPasswordFile);
    }

    /** {@code true} if the runtime serves HTTPS instead of HTTP. */
    public boolean tls() {
        return tlsKeystore != null;
    }

    private static String value(String opt, String inline, List<String> rest) {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException("option " + opt + " needs a value");
        }
        return rest.remove(0);
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 1 to 65535, was '" + s + "'");
        }
    }
}
