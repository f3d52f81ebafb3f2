package io.github.missedcalls.examples.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading requests and writing responses on the JDK's server, with the headers every answer carries. */
final class Exchanges {

    /** Scripts, styles and fetches only from this server; nothing may frame the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private Exchanges() {}

    /**
     * The query's parameters; a name given twice keeps its first value.
     *
     * @throws ApiException if the query is not valid percent-encoding
     */
    static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("the query is not valid: " + e.getMessage());
            }
        }
        return parameters;
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @throws ApiException (413) if it is longer
     */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    throw new ApiException(413, "the request is larger than " + limit + " bytes");
                }
            }
            return out.toByteArray();
        }
    }

    /** Sends a whole response with the headers every answer carries. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        // The JDK's server reads 0 as "chunked"; -1 is "no body".
        sendHeaders(exchange, status, contentType, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Starts a response; {@code length} 0 means streamed (chunked), -1 no body.
     */
    static void sendHeaders(HttpExchange exchange, int status, String contentType, long length) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, length);
    }

    /** A header's value, or {@code null}. */
    static @Nullable String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }
}
