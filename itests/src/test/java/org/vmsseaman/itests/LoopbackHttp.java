package org.vmsseaman.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** GET requests to a runtime under test on 127.0.0.1, optionally with Basic credentials. */
final class LoopbackHttp {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoopbackHttp() {}

    /**
     * {@code GET http://127.0.0.1:port/path}; {@code userColonPassword} null for an anonymous request.
     *
     * @throws IllegalStateException if the request fails (refused, timed out), so waits retry it
     */
    static HttpResponse<String> get(Object port, String path, String userColonPassword) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (userColonPassword != null) {
            b.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return send(b.build());
    }

    /** {@code GET http://127.0.0.1:port/path} anonymously, the body as bytes (a binary download). */
    static HttpResponse<byte[]> getBytes(Object port, String path) {
        return send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code POST http://127.0.0.1:port/path} with a JSON body (null: none). */
    static HttpResponse<String> post(Object port, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
