package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report server's safety")
class ReportServerSafetyTest {

    @AutoClose
    private final WebFixture web = new WebFixture();

    @Test
    @DisplayName("listens on the loopback address unless told otherwise")
    void loopbackByDefault() {
        assertThat(web.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @DisplayName("serves the page with a policy that allows no script from elsewhere and no framing")
    void pageHeaders() {
        ApiClient.Response page = web.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(web.get("/app.js").header("Content-Type")).hasValue("text/javascript; charset=utf-8");
    }

    @Test
    @DisplayName("writes no data into the page as markup: the script never uses innerHTML, outerHTML or document.write")
    void scriptBuildsTextOnly() {
        String script = web.get("/app.js").body();

        assertThat(script)
                .contains("textContent")
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    @DisplayName("answers nothing but its own files and API")
    void unknownPaths() {
        assertThat(web.get("/../pom.xml").status()).isEqualTo(404);
        assertThat(web.get("/static/app.js").status()).isEqualTo(404);
        assertThat(web.send("POST", "/api/report", "application/json", "{}").status())
                .isEqualTo(405);
    }

    @Test
    @DisplayName("bound to loopback, refuses a request that names another host (DNS rebinding)")
    void refusesOtherHosts() throws IOException {
        String answer = rawGet("/api/projects", "evil.example:" + web.server.port());

        assertThat(answer).startsWith("HTTP/1.1 421").contains("this server answers requests for localhost only");
        assertThat(rawGet("/api/projects", "localhost:" + web.server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    @DisplayName("accepts a handle only as JSON from its own origin, so that another site's form cannot post one")
    void refusesCrossSiteHandles() throws IOException {
        String body =
                "{\"project\":\"north\",\"client\":\"" + WebFixture.OPEN + "\",\"reason\":\"spam\",\"actor\":\"x\"}";
        ApiClient.Response form = web.send("POST", "/api/handle", "application/x-www-form-urlencoded", body);
        String otherOrigin = raw("POST /api/handle HTTP/1.1\r\nHost: 127.0.0.1:" + web.server.port()
                + "\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(form.status()).isEqualTo(415);
        assertThat(otherOrigin).startsWith("HTTP/1.1 403");
        assertThat(web.getJson("/api/report?project=north")
                        .get("counts")
                        .get("unprocessed")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("refuses a handle request larger than it needs")
    void refusesLargeBodies() {
        ApiClient.Response response = web.postHandle("{\"note\":\"" + "x".repeat(20_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
    }

    /** A GET with a Host header of our choosing, which the JDK's HTTP clients do not allow. */
    private String rawGet(String path, String host) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** A request written as it goes over the wire; the answer likewise. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", web.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
