package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What {@link HttpGuard} answers itself: JSON-RPC errors with a fitting HTTP status, and 202 Accepted. */
final class GuardAnswers {

    private final ObjectMapper json;

    GuardAnswers(ObjectMapper json) {
        this.json = json;
    }

    static void accepted(HttpServletResponse res) {
        res.setStatus(202);
        res.setContentLength(0);
    }

    /** The servlet's error, as a JSON-RPC error: its own code and message when it gave them. */
    void translate(CapturedErrorResponse wrapped, HttpServletResponse res, JsonNode id) throws IOException {
        int status = wrapped.errorStatus();
        int code = status >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.INVALID_REQUEST;
        String message = wrapped.errorMessage() != null ? wrapped.errorMessage() : fallback(status);
        try {
            JsonNode body = json.readTree(wrapped.capturedBody());
            JsonNode error =
                    body == null ? null : body.has("jsonRpcError") ? body.get("jsonRpcError") : body.get("error");
            if (error != null
                    && error.hasNonNull("message")
                    && plain(error.get("message").asText())) {
                message = error.get("message").asText();
                code = error.path("code").asInt(code);
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON (or nothing written): the status says enough.
        }
        error(res, status, code, message, id);
    }

    /** Whether an SDK message can go on the wire: some carry Java exception or Jackson parser text. */
    private static boolean plain(String message) {
        return !message.contains("Exception")
                && !message.contains("java.")
                && !message.contains("`")
                && !message.contains("\n");
    }

    static String fallback(int status) {
        return switch (status) {
            case 404 -> "Unknown MCP session: it expired or was closed. Send initialize to start a new one.";
            case 405 -> "Method not allowed on the MCP endpoint.";
            case 413 -> "Request too large.";
            case 503 -> "The server is shutting down.";
            default -> status >= 500 ? "Internal error; the server logged it." : "Bad request.";
        };
    }

    void error(HttpServletResponse res, int status, int code, String message, JsonNode id) throws IOException {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
        body.set("id", id);
        body.putObject("error").put("code", code).put("message", message);
        res.resetBuffer();
        json(res, status, json.writeValueAsBytes(body));
        res.getOutputStream().flush();
    }

    /** A whole JSON body with its status: an error here, a tool's answer in {@link DirectCalls}. */
    static void json(HttpServletResponse res, int status, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
