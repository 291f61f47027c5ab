package dev.replicasmcp.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty makes itself (a malformed request line, Host or path, headers too large,
 * an unsupported HTTP version, ...) in the server's own shapes instead of Jetty's HTML page: a JSON-RPC
 * error object on the JSON-RPC paths (the MCP endpoint), {error, details} everywhere else.
 */
final class JsonErrorHandler extends ErrorHandler {

    /** Jetty's reasons are short English phrases; anything else (an exception's text) stays off the wire. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 /'-]{1,80}");

    /** Errors of requests Jetty could not read whole: the connection ends with the answer. */
    private static final java.util.Set<Integer> CLOSES_CONNECTION = java.util.Set.of(400, 413, 414, 431, 505);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> jsonRpcPaths;

    JsonErrorHandler(List<String> jsonRpcPaths) {
        this.jsonRpcPaths = List.copyOf(jsonRpcPaths);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method gets a body that says what went wrong, not only GET, POST and HEAD
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String reason = cause instanceof HttpException http && http.getReason() != null
                ? http.getReason()
                : (String) request.getAttribute(ERROR_MESSAGE);
        String text = describe(request, code, reason);
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        ObjectNode body = json.createObjectNode();
        if (path != null && jsonRpcPaths.contains(path)) {
            body.put("jsonrpc", "2.0").putNull("id");
            body.putObject("error").put("code", code >= 500 ? -32603 : -32600).put("message", text);
        } else {
            body.put("error", text).putNull("details");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        if (CLOSES_CONNECTION.contains(code)) {
            // Jetty drops the connection after a request it could not parse; saying so keeps a client from
            // sending its next request down a closed connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
    }

    private static String describe(Request request, int code, String reason) {
        String said = reason != null
                        && PLAIN_REASON.matcher(reason).matches()
                        && !reason.equalsIgnoreCase(HttpStatus.getMessage(code))
                ? " (" + reason + ")"
                : "";
        return switch (code) {
            case 400 -> "Bad request" + said + ": the request line, a header or the path is malformed.";
            case 404 ->
                "No endpoint " + request.getMethod() + " "
                        + request.getHttpURI().getPath()
                        + ". See the API reference for the paths under /v1; MCP is at /mcp.";
            case 405 -> "Method " + request.getMethod() + " is not allowed here.";
            case 413 -> "The request is too large; the limit is " + RestServer.MAX_BODY_BYTES / (1024 * 1024) + " MiB.";
            case 414 -> "The request URI is too long.";
            case 431 ->
                "The request headers are too large; the limit is "
                        + request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize()
                        + " bytes in all.";
            case 505 -> "HTTP version not supported; use HTTP/1.1.";
            default ->
                code >= 500
                        ? "The server failed to handle the request" + said + "; it logged the details."
                        : HttpStatus.getMessage(code) + said + ".";
        };
    }
}
