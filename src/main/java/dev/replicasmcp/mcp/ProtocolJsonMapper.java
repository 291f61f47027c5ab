package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The SDK's JSON mapper, with the conversions every call makes done by hand. The SDK reads each incoming
 * message into a Map, then has Jackson convert that Map into a JSON-RPC request, and the request's params
 * into a tools/call (or initialize) request: each conversion writes the Map out to a token buffer and binds
 * it back, which a profile of the stdio path showed to be a fifth of the server's CPU per call. Here the
 * records are built from the Map's own values, exactly what the round trip would give; any shape the fast
 * path does not expect (a missing or non-text name, an unknown key) goes to Jackson as before, so its
 * errors and leniency are unchanged. Answers to tools/call and initialize are written by {@link
 * AnswerWriter}, the initialize request built by {@link InitializeParams}.
 */
public final class ProtocolJsonMapper implements McpJsonMapper {

    private static final Type CALL_TOOL_REQUEST = McpSchema.CallToolRequest.class;
    private static final Type INITIALIZE_REQUEST = McpSchema.InitializeRequest.class;

    private final McpJsonMapper jackson;
    private final AnswerWriter answers;

    public ProtocolJsonMapper() {
        ObjectMapper mapper = JsonMappers.protocol();
        this.jackson = new JacksonMcpJsonMapper(mapper);
        this.answers = new AnswerWriter(mapper);
    }

    @Override
    public <T> T convertValue(Object fromValue, Class<T> type) {
        if (fromValue instanceof Map<?, ?> map) {
            Object fast = null;
            if (type == McpSchema.JSONRPCRequest.class) {
                fast = request(map);
            } else if (type == McpSchema.JSONRPCNotification.class) {
                fast = notification(map);
            } else if (type == McpSchema.CallToolRequest.class) {
                fast = callToolRequest(map);
            }
            if (fast != null) {
                return type.cast(fast);
            }
        }
        return jackson.convertValue(fromValue, type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T convertValue(Object fromValue, TypeRef<T> type) {
        if (fromValue instanceof Map<?, ?> map) {
            Object fast = null;
            if (type.getType() == CALL_TOOL_REQUEST) {
                fast = callToolRequest(map);
            } else if (type.getType() == INITIALIZE_REQUEST) {
                fast = InitializeParams.from(map); // once per session, but on the path of a first handshake
            }
            if (fast != null) {
                return (T) fast;
            }
        }
        return jackson.convertValue(fromValue, type);
    }

    /** A request whose fields have the types binding would give them; null for anything else. */
    private static McpSchema.JSONRPCRequest request(Map<?, ?> map) {
        Object id = map.get("id");
        if (!onlyKeys(map, 4, "jsonrpc", "method", "id", "params")
                || !(map.get("jsonrpc") instanceof String jsonrpc)
                || jsonrpc.isEmpty()
                || !(map.get("method") instanceof String method)
                || !(id instanceof String || id instanceof Integer || id instanceof Long)) {
            return null;
        }
        return new McpSchema.JSONRPCRequest(jsonrpc, method, id, map.get("params"));
    }

    private static McpSchema.JSONRPCNotification notification(Map<?, ?> map) {
        if (!onlyKeys(map, 3, "jsonrpc", "method", "params")
                || !(map.get("jsonrpc") instanceof String jsonrpc)
                || !(map.get("method") instanceof String method)) {
            return null;
        }
        return new McpSchema.JSONRPCNotification(jsonrpc, method, map.get("params"));
    }

    @SuppressWarnings("unchecked")
    private static McpSchema.CallToolRequest callToolRequest(Map<?, ?> map) {
        Object arguments = map.get("arguments");
        Object meta = map.get("_meta");
        if (!onlyKeys(map, 3, "name", "arguments", "_meta")
                || !(map.get("name") instanceof String name)
                || !(arguments == null || stringKeyed(arguments))
                || !(meta == null || stringKeyed(meta))) {
            return null;
        }
        return new McpSchema.CallToolRequest(name, (Map<String, Object>) arguments, (Map<String, Object>) meta);
    }

    /** Whether every key of the map is one of these (the values of the others would be dropped). */
    private static boolean onlyKeys(Map<?, ?> map, int count, String... keys) {
        if (map.size() > count) {
            return false;
        }
        int known = 0;
        for (String key : keys) {
            if (map.containsKey(key)) {
                known++;
            }
        }
        return known == map.size();
    }

    /** A JSON object as the SDK's reader gives it: a Map with text keys. */
    static boolean stringKeyed(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return jackson.readValue(content, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        String answer = answers.write(value);
        return answer != null ? answer : jackson.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        byte[] answer = answers.writeBytes(value);
        return answer != null ? answer : jackson.writeValueAsBytes(value);
    }
}
