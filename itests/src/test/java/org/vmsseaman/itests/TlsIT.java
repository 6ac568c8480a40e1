package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * {@code --tls-keystore}: the runtime serves HTTPS (TLS 1.2/1.3) on its port with the keystore's certificate,
 * plain HTTP is off, and the session cookie is marked Secure. The keystore is made by the JDK's keytool for the
 * test (a self-signed certificate for 127.0.0.1), which the client trusts explicitly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsIT {

    /** Framework properties that carry the test's keystore into the framework, where the test method runs. */
    private static final String KEYSTORE = "vmsseaman.itest.tls.keystore";

    private static final String PASSWORD = "vmsseaman.itest.tls.password";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        String storePassword = "test-only-" + Long.toHexString(System.nanoTime());
        Path dir = Files.createTempDirectory("vmsseaman-tls-");
        Path keystore = dir.resolve("server.p12");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, storePassword + "\n");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "vmsseaman",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        storePassword,
                        "-keypass",
                        storePassword)
                .redirectErrorStream(true)
                .start();
        String out = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        List<Option> options = new java.util.ArrayList<>(List.of(Distribution.options(
                null,
                Map.of(),
                List.of("--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString()))));
        options.add(frameworkProperty(KEYSTORE).value(keystore.toString()));
        options.add(frameworkProperty(PASSWORD).value(storePassword));
        return options.toArray(Option[]::new);
    }

    @Test
    public void theRuntimeServesHttpsOnlyWithASecureSessionCookie() throws Exception {
        HttpClient https = HttpClient.newBuilder()
                .sslContext(trusting(Path.of(context.getProperty(KEYSTORE)), context.getProperty(PASSWORD)))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "https://127.0.0.1:" + context.getProperty("org.osgi.service.http.port.secure");
        Await.until(Duration.ofSeconds(60), "GET /health over HTTPS", () -> {
            try {
                return https.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        String password = Distribution.initialAdminPassword(Path.of(context.getProperty(Distribution.HOME)));
        HttpResponse<String> login = https.send(
                HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"user\":\"admin\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(login.body(), 200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("; Secure"));

        try {
            HttpResponse<String> plain = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base.replace("https", "http") + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    "plain HTTP must not be served: " + plain.statusCode() + " " + plain.body(),
                    plain.statusCode() == 400 && !plain.body().contains("\"status\""));
        } catch (IOException expected) {
            // the TLS connector does not speak plain HTTP
        }
    }

    private static SSLContext trusting(Path store, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
