package io.github.missedcalls.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Calls the report server's API as the page does. Through {@link HttpURLConnection}: the tests
 * are compiled into the module, which reads no {@code java.net.http}.
 */
final class ApiClient {

    private final URI base;
    private final ObjectMapper mapper = new ObjectMapper();

    ApiClient(URI base) {
        this.base = base;
    }

    /** An answer: its status, headers and body as text. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst();
        }
    }

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    JsonNode getJson(String pathAndQuery) {
        Response response = get(pathAndQuery);
        if (response.status() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return json(response);
    }

    Response postHandle(String body) {
        return send("POST", "/api/handle", "application/json", body);
    }

    Response send(String method, String pathAndQuery, @Nullable String contentType, @Nullable String body) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
            connection.setRequestMethod(method);
            if (contentType != null) {
                connection.setRequestProperty("Content-Type", contentType);
            }
            if (body != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Response response = new Response(status, connection.getHeaderFields(), text);
            connection.disconnect();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json(Response response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
