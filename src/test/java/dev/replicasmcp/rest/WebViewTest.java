package dev.replicasmcp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web view's files: served without a key at / and /ui/..., each with its content type and a
 * Content-Security-Policy of this origin only; the Host and Origin checks still apply, and /v1 still
 * needs a key.
 */
class WebViewTest {

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void thePageAndItsFilesNeedNoKeyAndCarryTheirTypesAndTheCsp() throws Exception {
        Map<String, String> types = Map.of(
                "/", "text/html",
                "/ui/app.js", "text/javascript",
                "/ui/style.css", "text/css",
                "/ui/vendor/preact-htm.js", "text/javascript",
                "/ui/vendor/diff2html.min.js", "text/javascript",
                "/ui/vendor/diff2html.min.css", "text/css",
                "/ui/vendor/fetch-event-source/index.js", "text/javascript");
        for (var file : types.entrySet()) {
            RawHttp.Answer answer = get(file.getKey(), Map.of());
            assertThat(answer.status()).as(file.getKey()).isEqualTo(200);
            assertThat(header(answer, "Content-Type"))
                    .as(file.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith(file.getValue()));
            assertThat(header(answer, "Content-Security-Policy"))
                    .as(file.getKey())
                    .hasValue(WebView.CSP);
            assertThat(header(answer, "X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(get("/", Map.of()).body()).contains("<script type=\"module\" src=\"/ui/app.js\">");
    }

    @Test
    void theCspAllowsNothingFromElsewhereAndNoInlineCode() {
        assertThat(WebView.CSP)
                .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    }

    @Test
    void unknownOrEscapingPathsAreJson404s() throws Exception {
        for (String path : new String[] {"/ui/nothing.js", "/ui/../api-key", "/ui/%2e%2e/index.html", "/ui/vendor"}) {
            RawHttp.Answer answer = get(path, Map.of());
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(header(answer, "Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
    }

    @Test
    void theHostAndOriginChecksStillApplyToThePage() throws Exception {
        RawHttp.Answer rebound = RawHttp.send(http.app.port(), "GET", "/", Map.of("Host", "evil.example"), null);
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).contains("is not served here");
        RawHttp.Answer foreign = get("/ui/app.js", Map.of("Origin", "http://evil.example"));
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void theApiStillNeedsAKey() throws Exception {
        assertThat(get("/v1/replica", Map.of()).status()).isEqualTo(401);
        assertThat(get("/v1/replica", Map.of("Authorization", "Bearer " + http.key))
                        .status())
                .isEqualTo(200);
    }

    private static RawHttp.Answer get(String path, Map<String, String> headers) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Host", "127.0.0.1:" + http.app.port()));
        all.putAll(headers);
        return RawHttp.send(http.app.port(), "GET", path, all, null);
    }

    private static Optional<String> header(RawHttp.Answer answer, String name) {
        return Arrays.stream(answer.head().split("\r\n"))
                .filter(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst();
    }
}
