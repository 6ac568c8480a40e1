package org.vmsseaman.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Web Console credentials: read from {@code data/security/webconsole.properties}, or generated there on
 * first start (random password, file readable by the owner only). The console never runs with its
 * built-in admin/admin: the launcher hands it only a SHA-256 hash through framework properties.
 */
public record ConsoleCredentials(String username, String password, Path file, boolean generated) {

    public static ConsoleCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            restrictToOwner(file);
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String user = p.getProperty("username", "").trim();
            String pass = p.getProperty("password", "");
            if (user.isEmpty() || pass.length() < 12) {
                throw new IOException(file + ": needs 'username' and a 'password' of at least 12 characters");
            }
            if (user.equals("admin") && pass.equals("admin")) {
                throw new IOException(file + ": admin/admin is not allowed");
            }
            return new ConsoleCredentials(user, pass, file, false);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(dir);
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Properties p = new Properties();
        p.setProperty("username", "admin");
        p.setProperty("password", password);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "VMS Seaman Web Console credentials (generated on first start; edit to change, keep private)");
        }
        return new ConsoleCredentials("admin", password, file, true);
    }

    /** A credentials file others can read is narrowed to its owner, with a warning: it holds a password. */
    private static void restrictToOwner(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var perms = Files.getPosixFilePermissions(file);
        var ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!ownerOnly.containsAll(perms)) {
            System.err.println("vmsseaman: " + file + " was readable by others (" + PosixFilePermissions.toString(perms)
                    + "); narrowed to rw-------");
            Files.setPosixFilePermissions(file, ownerOnly);
        }
    }

    /** The password in the form the Felix Web Console accepts as a hash: {@code {sha-256}base64}. */
    String passwordHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
