package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One MCP session over Streamable HTTP, driven with raw requests (what the SDK client would check or hide
 * stays visible): opened with initialize and notifications/initialized, every POST with the headers a client
 * sends.
 */
public final class RawMcpSession {

    public static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION = Pattern.compile("(?im)^mcp-session-id:\\s*(\\S+)");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:\\s*([^;\\r\\n]+)");

    private final HttpFixture http;
    private final String id;

    private RawMcpSession(HttpFixture http, String id) {
        this.http = http;
        this.id = id;
    }

    /** A session of the fixture's key, initialized. */
    public static RawMcpSession open(HttpFixture http) throws Exception {
        RawHttp.Answer opened = send(http, Map.of(), INITIALIZE);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        Matcher m = SESSION.matcher(opened.head());
        assertThat(m.find()).as(opened.head()).isTrue();
        RawMcpSession session = new RawMcpSession(http, m.group(1));
        assertThat(session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .status())
                .isEqualTo(202);
        return session;
    }

    public String id() {
        return id;
    }

    /** A POST of the session to /mcp. */
    public RawHttp.Answer post(String body) throws Exception {
        return send(http, Map.of("Mcp-Session-Id", id), body);
    }

    /** A POST to /mcp with the client's headers and these (which win). */
    public static RawHttp.Answer send(HttpFixture http, Map<String, String> headers, String body) throws Exception {
        return RawHttp.send(http.app.port(), "POST", "/mcp", headers(http, headers), body);
    }

    /** The headers a client sends with every POST (Host, key, content type, Accept), then these. */
    public static Map<String, String> headers(HttpFixture http, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + http.app.port());
        all.put("Authorization", "Bearer " + http.key);
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json, text/event-stream");
        all.putAll(headers);
        return all;
    }

    /** The answer's media type, lower case, without parameters. */
    public static String contentType(RawHttp.Answer answer) {
        Matcher m = CONTENT_TYPE.matcher(answer.head());
        assertThat(m.find()).as(answer.head()).isTrue();
        return m.group(1).trim().toLowerCase(Locale.ROOT);
    }

    /** The last message of an event-stream body: a call's answer comes after any progress. */
    public static JsonNode lastEvent(String body) throws Exception {
        String data = body.lines()
                .filter(line -> line.startsWith("data:"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no event in " + body));
        return JSON.readTree(data.substring(5).trim());
    }
}
