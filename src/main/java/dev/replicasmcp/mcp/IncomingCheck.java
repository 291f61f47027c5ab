package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks at one incoming JSON-RPC message before the SDK does and says what is wrong with it. Left to
 * the SDK, a malformed message gets Java exception text (-32603 naming a NullPointerException for a
 * tools/call without params), no answer at all (an empty event stream over HTTP), Jackson's parser
 * messages, or a fixed text for an unknown tool. Both transports run this check first and answer the
 * problem themselves, with a message that names the member at fault.
 */
final class IncomingCheck {

    /** What the message is; IGNORED is a response to no request (no id), which needs neither answer nor work. */
    enum Kind {
        REQUEST,
        NOTIFICATION,
        RESPONSE,
        IGNORED,
        UNKNOWN
    }

    /** The message's kind and id (null: none or unusable), and the JSON-RPC error to answer, if any. */
    record Verdict(Kind kind, JsonNode id, int code, String problem) {

        boolean ok() {
            return problem == null;
        }
    }

    /** Methods whose handlers in the SDK need an object of params (without one they fail with a Java error). */
    private static final Set<String> PARAMS_REQUIRED = Set.of(
            McpSchema.METHOD_INITIALIZE,
            McpSchema.METHOD_TOOLS_CALL,
            McpSchema.METHOD_RESOURCES_READ,
            McpSchema.METHOD_RESOURCES_SUBSCRIBE,
            McpSchema.METHOD_RESOURCES_UNSUBSCRIBE,
            McpSchema.METHOD_PROMPT_GET,
            McpSchema.METHOD_COMPLETION_COMPLETE,
            McpSchema.METHOD_LOGGING_SET_LEVEL);

    private static final int MAX_ECHO = 100;

    /** Numbers as the SDK's own reader takes them: a stdio line is handed on as this tree's values. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Predicate<String> knownTool;
    private final String unit;

    /** knownTool: whether a tool of that name is served now; unit: what a message arrives in ("body", "line"). */
    IncomingCheck(Predicate<String> knownTool, String unit) {
        this.knownTool = knownTool;
        this.unit = unit;
    }

    /** The verdict on some bytes, with the message they hold (null when they are not JSON). */
    record Checked(Verdict verdict, JsonNode message) {}

    Verdict check(byte[] bytes) {
        return read(bytes).verdict();
    }

    /** Parses once and judges: callers that look further into the message need not parse it again. */
    Checked read(byte[] bytes) {
        if (blank(bytes)) {
            return new Checked(
                    new Verdict(
                            Kind.UNKNOWN,
                            null,
                            ErrorCodes.PARSE_ERROR,
                            "Parse error: the " + unit + " is empty; send one JSON-RPC 2.0 message (a JSON object)."),
                    null);
        }
        JsonNode message;
        try {
            message = json.readTree(bytes);
        } catch (IOException e) {
            return new Checked(
                    new Verdict(
                            Kind.UNKNOWN,
                            null,
                            ErrorCodes.PARSE_ERROR,
                            "Parse error: the " + unit
                                    + " is not valid JSON; send one JSON-RPC 2.0 message (a JSON object)."),
                    null);
        }
        return new Checked(check(message), message);
    }

    /** Whether the bytes hold nothing but white space; a String is made only when they are not ASCII. */
    static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return new String(bytes, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    Verdict check(JsonNode message) {
        if (message.isArray()) {
            return invalid(
                    Kind.UNKNOWN,
                    null,
                    "Invalid request: batches (JSON arrays) are not supported; send one " + "JSON-RPC 2.0 message per "
                            + unit + ".");
        }
        if (!message.isObject()) {
            return invalid(
                    Kind.UNKNOWN,
                    null,
                    "Invalid request: a JSON-RPC 2.0 message is a JSON object, not " + describe(message) + ".");
        }
        boolean hasMethod = message.has("method");
        boolean isResponse = !hasMethod && (message.has("result") || message.has("error"));
        JsonNode id = message.get("id");
        if (isResponse && (id == null || id.isNull())) {
            return new Verdict(Kind.IGNORED, null, 0, null);
        }
        if (id != null && !validId(id)) {
            return invalid(
                    Kind.UNKNOWN,
                    null,
                    "Invalid request: 'id' must be a string or an integer, not " + describe(id) + ".");
        }
        JsonNode version = message.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
            return invalid(Kind.UNKNOWN, id, "Invalid request: 'jsonrpc' must be \"2.0\".");
        }
        if (hasMethod) {
            JsonNode method = message.get("method");
            Kind kind = id == null ? Kind.NOTIFICATION : Kind.REQUEST;
            if (!method.isTextual() || method.asText().isBlank()) {
                return invalid(kind, id, "Invalid request: 'method' must be a non-empty string.");
            }
            return params(kind, id, method.asText(), message.get("params"));
        }
        if (isResponse) {
            if (message.hasNonNull("result") == message.hasNonNull("error")) {
                return invalid(
                        Kind.RESPONSE,
                        null,
                        "Invalid response: it needs exactly one of 'result' and " + "'error', not null.");
            }
            return new Verdict(Kind.RESPONSE, id, 0, null);
        }
        return invalid(
                Kind.UNKNOWN,
                id,
                "Invalid request: a JSON-RPC message needs 'method' (a request or a "
                        + "notification) or 'result' / 'error' (a response).");
    }

    private Verdict params(Kind kind, JsonNode id, String method, JsonNode params) {
        boolean absent = params == null || params.isNull();
        if (!absent && !params.isObject()) {
            return invalidParams(
                    kind,
                    id,
                    "Invalid params: 'params' of " + method + " must be an object, not " + describe(params) + ".");
        }
        if (kind != Kind.REQUEST) {
            return new Verdict(kind, id, 0, null);
        }
        boolean toolCall = method.equals(McpSchema.METHOD_TOOLS_CALL);
        if (absent && PARAMS_REQUIRED.contains(method)) {
            return invalidParams(
                    kind,
                    id,
                    "Invalid params: " + method + " needs 'params', an object"
                            + (toolCall ? " with 'name' (a tool from tools/list) and 'arguments' (an object)." : "."));
        }
        if (toolCall) {
            return toolCall(id, params);
        }
        return new Verdict(kind, id, 0, null);
    }

    private Verdict toolCall(JsonNode id, JsonNode params) {
        JsonNode name = params.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            return invalidParams(
                    Kind.REQUEST,
                    id,
                    "Invalid params: tools/call needs 'name', the name of a tool "
                            + "from tools/list"
                            + (name == null || name.isNull() ? "." : ", as a string, not " + describe(name) + "."));
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return invalidParams(
                    Kind.REQUEST,
                    id,
                    "Invalid params: 'arguments' of tools/call must be an object "
                            + "holding the tool's arguments (see its inputSchema), not " + describe(arguments) + ".");
        }
        if (!knownTool.test(name.asText())) {
            return invalidParams(
                    Kind.REQUEST,
                    id,
                    "Unknown tool '" + echo(name.asText()) + "'. Call tools/list "
                            + "for the tools this server offers.");
        }
        return new Verdict(Kind.REQUEST, id, 0, null);
    }

    /** The JSON-RPC error answering a message that failed the check (one line, no newline). */
    String answer(Verdict verdict) {
        ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", verdict.id() == null ? NullNode.getInstance() : verdict.id());
        answer.putObject("error").put("code", verdict.code()).put("message", verdict.problem());
        return answer.toString();
    }

    /** The SDK takes string ids and integer ids that fit in a long, nothing else. */
    private static boolean validId(JsonNode id) {
        return id.isTextual() || id.isIntegralNumber() && id.canConvertToLong();
    }

    private static Verdict invalid(Kind kind, JsonNode id, String problem) {
        return new Verdict(kind, id, ErrorCodes.INVALID_REQUEST, problem);
    }

    private static Verdict invalidParams(Kind kind, JsonNode id, String problem) {
        return new Verdict(kind, id, ErrorCodes.INVALID_PARAMS, problem);
    }

    /** A name the client sent, cut short so an error never repeats a huge value. */
    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> "that value";
        };
    }
}
