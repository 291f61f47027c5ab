package dev.replicasmcp.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.support.HttpFixture;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls one operation through either door of a running server: MCP over Streamable HTTP, or its REST route. */
final class Doors implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    /** What a door answered: success with the result as JSON, or the error message (and the REST status). */
    record Answer(boolean ok, JsonNode result, String error, int status) {}

    private final HttpFixture http;
    private final String key;
    private final McpSyncClient mcp;

    Doors(HttpFixture http, String key) {
        this.http = http;
        this.key = key;
        this.mcp = http.mcpClient(key);
        mcp.initialize();
    }

    static Operation<?, ?> operation(String name) {
        return Operations.all().stream()
                .filter(op -> op.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    Answer mcp(String name, Map<String, Object> args) {
        McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest(name, args));
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        if (Boolean.TRUE.equals(result.isError())) {
            // The tool error is the message, then an optional "Details: <json>" line.
            return new Answer(false, null, text.split("\nDetails: ", 2)[0], 0);
        }
        return new Answer(true, JSON.valueToTree(result.structuredContent()), null, 200);
    }

    Answer rest(String name, Map<String, Object> args) {
        Route route = operation(name).route();
        Map<String, Object> rest = new LinkedHashMap<>(args);
        Matcher params = PARAM.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (params.find()) {
            Object value = rest.remove(params.group(1));
            params.appendReplacement(path, Matcher.quoteReplacement(encode(String.valueOf(value))));
        }
        params.appendTail(path);
        Object body = null;
        if (route.readsQuery()) {
            StringBuilder query = new StringBuilder();
            rest.forEach((field, value) -> query.append(query.length() == 0 ? "?" : "&")
                    .append(field)
                    .append('=')
                    .append(encode(String.valueOf(value))));
            path.append(query);
        } else {
            body = rest;
        }
        HttpFixture.Reply reply = http.send(route.method().name(), path.toString(), body, key);
        if (reply.status() >= 400) {
            return new Answer(false, null, reply.body().path("error").asText(), reply.status());
        }
        return new Answer(true, reply.body(), null, reply.status());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        mcp.closeGracefully();
    }
}
