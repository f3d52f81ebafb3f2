package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packaged jar's {@code serve}, run as a person would, stopped as Ctrl+C stops it. */
@DisplayName("java -jar missed-calls.jar serve")
class ServeJarIT {

    private static final Path JAR = Path.of(System.getProperty("missedCalls.jar", "target/missed-calls.jar"));
    private static final Pattern ADDRESS = Pattern.compile("The missed-calls report is at (http://\\S+) ");

    @Test
    @DisplayName("serves the page and the demo month on loopback, and stops on a TERM signal")
    void serves() throws Exception {
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "serve",
                        "--port",
                        "0",
                        "--demo-calls",
                        "3000"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        Matcher matcher = ADDRESS.matcher(line);
                        if (matcher.find()) {
                            return matcher.group(1);
                        }
                    }
                    return "";
                } catch (java.io.IOException e) {
                    return "";
                }
            });
            URI uri = URI.create(address.get(3, TimeUnit.MINUTES));
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");

            ApiClient api = new ApiClient(uri);
            assertThat(api.get("/").body()).contains("<title>Missed calls</title>");
            JsonNode report = api.getJson("/api/report?project=kyiv");
            assertThat(report.get("counts").get("unprocessed").asInt()).isPositive();
            assertThat(report.get("summary").get("missedCalls").asLong()).isPositive();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped in time")
                    .isTrue();
        }
    }
}
