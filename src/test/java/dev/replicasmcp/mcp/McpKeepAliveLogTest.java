package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.app.HttpApp;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions whose clients went away are not logged about again and again. */
class McpKeepAliveLogTest {

    private static final Pattern SESSION = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");

    @TempDir
    Path dir;

    @Test
    void aSessionWhoseClientLeftIsLoggedAboutAtMostOnce() throws Exception {
        // The log goes to System.err, looked up at every line (slf4j-simple): a copy of it is kept meanwhile.
        PrintStream original = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, logs), true, StandardCharsets.UTF_8));
        try (HttpFixture http = HttpFixture.start(
                dir,
                Duration.ofSeconds(15),
                new HttpApp.Limits(Duration.ofSeconds(1), 10, 10, Duration.ofMillis(200)))) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", "127.0.0.1:" + http.app.port());
            headers.put("Authorization", "Bearer " + http.key);
            headers.put("Accept", "application/json, text/event-stream");
            headers.put("Content-Type", "application/json");
            RawHttp.Answer init = RawHttp.send(
                    http.app.port(),
                    "POST",
                    "/mcp",
                    headers,
                    "{\"jsonrpc\":\"2.0\","
                            + "\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            Matcher m = SESSION.matcher(init.head());
            assertThat(m.find()).as(init.head()).isTrue();
            String session = m.group(1);
            // A listening stream that the client opens and then abandons without reading.
            HttpResponse<InputStream> listening = http.client.send(
                    HttpRequest.newBuilder(URI.create(http.base + "/mcp"))
                            .header("Authorization", "Bearer " + http.key)
                            .header("Accept", "text/event-stream")
                            .header("Mcp-Session-Id", session)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(listening.statusCode()).isEqualTo(200);
            listening.body().close();
            Thread.sleep(3000); // fifteen keep-alive rounds and three idle limits: enough for repeats to show
            List<String> warnings;
            synchronized (logs) {
                warnings = logs.toString(StandardCharsets.UTF_8)
                        .lines()
                        .map(line -> line.substring(line.indexOf(' ') + 1)) // without the time
                        .filter(line -> line.startsWith("WARN ") || line.startsWith("ERROR "))
                        .toList();
            }
            assertThat(warnings).as("warnings and errors logged").doesNotHaveDuplicates();
            assertThat(warnings).as("warnings and errors logged").noneMatch(line -> line.contains("Keep-alive"));
        } finally {
            System.setErr(original);
        }
    }

    /** Writes to both streams; the copy under its own lock, as it is read while the server still logs. */
    private static final class Tee extends OutputStream {
        private final PrintStream first;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
