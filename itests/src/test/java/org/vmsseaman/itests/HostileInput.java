package org.vmsseaman.itests;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and hostile input for the fuzz test from a seed: paths (bad ids, path tricks, encoded
 * dots and slashes, unicode, very long segments), query strings (unknown, repeated, malformed and huge
 * parameters), JSON bodies (broken, huge, deeply nested, wrong types, unicode, big numbers, duplicate keys),
 * raw HTTP requests (bad request lines, header floods, bad lengths) and WebSocket text frames.
 */
final class HostileInput {

    /** Paths the runtime serves, with the demo vessel's ids; mutated or used as they are. */
    static final List<String> PATHS = List.of(
            "/health",
            "/project",
            "/tags",
            "/tags/me.lube_oil.inlet_pressure",
            "/tags/steering.rudder_order/value",
            "/tags/me.rpm/history",
            "/history",
            "/history/export",
            "/alarms",
            "/alarms/1",
            "/alarms/journal",
            "/alarms/kpi",
            "/alarms/engineer-call",
            "/alarms/watch",
            "/alarms/watch/start",
            "/alarms/1/ack",
            "/alarms/1/shelve",
            "/alarms/me.rpm.high/out-of-service",
            "/audit",
            "/devices",
            "/devices/sim",
            "/drivers",
            "/metrics",
            "/openapi.json",
            "/users",
            "/users/nobody",
            "/auth/me",
            "/auth/login",
            "/auth/password",
            "/system/console",
            "/system/console/bundles",
            "/ws/realtime",
            "/no/such/path");

    private static final List<String> METHODS =
            List.of("GET", "GET", "GET", "POST", "POST", "PUT", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final List<String> PARAMETERS = List.of(
            "since",
            "until",
            "limit",
            "order",
            "interval",
            "agg",
            "tags",
            "format",
            "group",
            "quality",
            "all",
            "priority",
            "state",
            "x",
            "");
    private static final List<String> VALUES = List.of(
            "",
            "-1",
            "0",
            "99999999999999999999",
            "1e308",
            "NaN",
            "2026-13-45T99:99:99Z",
            "PT0S",
            "P-1D",
            "desc",
            "csv",
            "parquet",
            "xml",
            "GOOD",
            "BAD_STALE",
            "avg,min,max,first,last,count,good,bogus",
            "me.*",
            "%",
            "%zz",
            "%00",
            "%c0%ae",
            "\u00e9\u4e2d\ud83d\ude80",
            "true",
            "null",
            "[1]",
            "{}");
    private static final List<String> SEGMENTS = List.of(
            "..",
            "%2e%2e",
            "%2E%2e%2f",
            ".%2e",
            "%252e%252e",
            ";jsessionid=x",
            "%00",
            "%ff",
            "a%2fb",
            "%5c",
            "\u00e9",
            "%e4%b8%ad",
            "%f0%9f%9a%80",
            "me.rpm",
            "1",
            "-1",
            "0x10",
            "9999999999999999999",
            "*",
            "~",
            "null",
            "%20",
            "+",
            "..;",
            "WEB-INF",
            "META-INF",
            "%c0%af");

    private final Random random;

    HostileInput(long seed) {
        this.random = new Random(seed);
    }

    String method() {
        return pick(METHODS);
    }

    /** A request target (path and query) that java.net.URI accepts. */
    String target() {
        StringBuilder p = new StringBuilder();
        String base = pick(PATHS);
        switch (random.nextInt(6)) {
            case 0 -> p.append(base);
            case 1 -> p.append(base).append('/').append(pick(SEGMENTS));
            case 2 -> p.append(base, 0, Math.max(1, base.lastIndexOf('/') + 1)).append(pick(SEGMENTS));
            case 3 ->
                p.append(base).append("/").append(pick(SEGMENTS)).append('/').append(pick(SEGMENTS));
            case 4 -> p.append(base.replace("/", "//"));
            default -> p.append(base).append('/').append("a".repeat(1 + random.nextInt(9000)));
        }
        if (random.nextInt(3) > 0) {
            p.append('?');
            int n = 1 + random.nextInt(random.nextInt(20) == 0 ? 400 : 4);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    p.append('&');
                }
                p.append(pick(PARAMETERS));
                if (random.nextInt(5) > 0) {
                    p.append('=').append(pick(VALUES));
                }
            }
        }
        return encodeUnsafe(p.toString());
    }

    /** A request body; null for none. */
    byte[] body() {
        String s =
                switch (random.nextInt(14)) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> "{";
                    case 3 -> "[".repeat(1 + random.nextInt(20_000));
                    case 4 -> "{\"value\":" + "[".repeat(2000) + "1" + "]".repeat(2000) + "}";
                    case 5 -> "{\"value\":\"" + "x".repeat(random.nextInt(40_000)) + "\"}";
                    case 6 ->
                        "{\"value\":"
                                + pick(List.of(
                                        "1e999",
                                        "-0",
                                        "12345678901234567890123",
                                        "null",
                                        "true",
                                        "\"12\"",
                                        "{}",
                                        "[]",
                                        "NaN",
                                        "0.0000001"))
                                + "}";
                    case 7 -> "{\"user\":\"admin\",\"password\":" + pick(List.of("1", "null", "[]", "\"\"")) + "}";
                    case 8 -> "{\"name\":\"\u00e9\u4e2d\ud83d\ude80\",\"role\":\"root\",\"password\":\"x\"}";
                    case 9 ->
                        "{\"reason\":\"" + "r".repeat(random.nextInt(3000)) + "\",\"minutes\":"
                                + pick(List.of("-5", "0", "1e9", "\"ten\"", "99999999999")) + "}";
                    case 10 -> "{\"a\":1,\"a\":2,\"@class\":\"java.lang.Runtime\",\"value\":1}";
                    case 11 -> "\u0000\u0001\ufffd{\"value\": 1}";
                    case 12 -> "{\"value\":3.5}";
                    default -> randomBytes(1 + random.nextInt(3000));
                };
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** A Content-Type header value, sometimes wrong or absurd. */
    String contentType() {
        return pick(List.of(
                "application/json",
                "application/json",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16",
                "*/*"));
    }

    /** A whole raw HTTP/1.1 request, usually broken in some way. */
    byte[] rawRequest() {
        String crlf = "\r\n";
        String target = target();
        String r =
                switch (random.nextInt(10)) {
                    case 0 -> "GET " + target + crlf + crlf;
                    case 1 -> "GARBAGE" + crlf + crlf;
                    case 2 -> "GET /" + "x".repeat(70_000) + " HTTP/1.1" + crlf + "Host: x" + crlf + crlf;
                    case 3 ->
                        "GET /tags HTTP/1.1" + crlf + "Host: x" + crlf + ("X-A: " + "b".repeat(200) + crlf).repeat(500)
                                + crlf;
                    case 4 ->
                        "POST /auth/login HTTP/1.1" + crlf + "Host: x" + crlf + "Content-Length: -5" + crlf + crlf;
                    case 5 ->
                        "POST /auth/login HTTP/1.1" + crlf + "Host: x" + crlf + "Content-Length: 10" + crlf
                                + "Transfer-Encoding: chunked" + crlf + crlf + "zz" + crlf;
                    case 6 -> "GET /tags/../../etc/passwd HTTP/1.1" + crlf + "Host: x" + crlf + crlf;
                    case 7 -> "GET /tags HTTP/9.9" + crlf + "Host: x" + crlf + crlf;
                    case 8 -> "GET /tags%zz HTTP/1.1" + crlf + "Host: x" + crlf + crlf;
                    default ->
                        "GET " + target + " HTTP/1.1" + crlf + "Host: x" + crlf + "Authorization: Bearer "
                                + randomBytes(40) + crlf + crlf;
                };
        return r.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A credential for LoopbackHttp: the given valid token mostly, else nothing or garbage. */
    String credential(String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "not-a-token-" + random.nextInt();
            case 2 -> "ghost" + random.nextInt(1000) + ":" + randomAscii(12); // basic auth of unknown users
            default -> valid;
        };
    }

    /** A WebSocket text frame, usually refused by the server. */
    String frame() {
        return switch (random.nextInt(12)) {
            case 0 -> "{\"type\":\"ping\",\"id\":\"" + "\u00e9\u4e2d".repeat(random.nextInt(60)) + "\"}";
            case 1 -> "{\"type\":\"subscribe\",\"tags\":[\"" + pick(SEGMENTS) + "\"],\"replace\":true}";
            case 2 -> "{\"type\":\"subscribe\",\"groups\":[\"no_such_group\"]}";
            case 3 -> "[".repeat(1 + random.nextInt(5000));
            case 4 -> "{\"type\":\"resume\",\"connection\":\"" + randomAscii(20) + "\",\"seq\":-1}";
            case 5 -> "{\"type\":" + pick(List.of("1", "null", "[]", "{}", "\"\u0000\"")) + "}";
            case 6 -> "x".repeat(random.nextInt(70_000));
            case 7 -> "{\"type\":\"unsubscribe\",\"tags\":" + "[\"a\",".repeat(200) + "\"b\"" + "]".repeat(1) + "}";
            case 8 -> "{\"type\":\"subscribe\",\"tags\":[\"" + "*".repeat(1000) + "\"]}";
            case 9 -> "{\"type\":\"ping\",\"id\":" + pick(List.of("1e400", "-1", "9223372036854775808")) + "}";
            case 10 -> randomBytes(1 + random.nextInt(500));
            default -> "{\"type\":\"ping\"}";
        };
    }

    private String randomBytes(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) random.nextInt(0x3000));
        }
        return s.toString();
    }

    private String randomAscii(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('!' + random.nextInt(94)));
        }
        return s.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Percent-encodes what java.net.URI refuses (spaces, non-ASCII, lone %), keeping the rest as generated. */
    private static String encodeUnsafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2]));
            if (b > 0x7e || b <= 0x20 || "\"<>\\^`{|}#".indexOf(b) >= 0 || escape) {
                out.append('%').append(String.format("%02X", b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
