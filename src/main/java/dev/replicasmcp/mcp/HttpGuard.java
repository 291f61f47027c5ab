package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.api.BearerAuth;
import dev.replicasmcp.api.BearerToken;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.domain.Caller;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the SDK's MCP servlet: refuses foreign Host and Origin headers (DNS rebinding),
 * requests without a valid API key or OAuth access token (naming the OAuth metadata in WWW-Authenticate), unsupported MCP-Protocol-Version headers, bodies over the size
 * cap and bodies that are not one well-formed JSON-RPC message ({@link IncomingCheck}); accepts a
 * client response the SDK was not waiting for; and turns every error the servlet makes into a
 * JSON-RPC error object with a fitting HTTP status. Sends on one session are handled in the order they
 * arrived here ({@link SessionArrivals}).
 */
final class HttpGuard implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);

    /** Request attribute under which the authenticated caller travels to the transport context. */
    static final String CALLER = "replicas.caller";

    static final String VERSION_HEADER = "MCP-Protocol-Version";

    private final HostPolicy hosts;
    private final BearerAuth auth;
    private final List<String> versions;
    private final int maxBytes;
    private final ObjectMapper json;
    private final IncomingCheck check;
    private final SessionRegistry sessions;
    private final SessionArrivals arrivals = new SessionArrivals();
    private final OpenStreams streams;

    /** knownTool: whether a tool of that name is served now (an unknown one is answered here, by name). */
    HttpGuard(
            HostPolicy hosts,
            BearerAuth auth,
            List<String> versions,
            int maxBytes,
            ObjectMapper json,
            Predicate<String> knownTool,
            SessionRegistry sessions,
            OpenStreams streams) {
        this.hosts = hosts;
        this.auth = auth;
        this.streams = streams;
        this.versions = versions;
        this.maxBytes = maxBytes;
        this.json = json;
        this.check = new IncomingCheck(knownTool, "body");
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!hosts.hostAllowed(req.getHeader("Host")) || !hosts.originAllowed(req.getHeader("Origin"))) {
            error(
                    res,
                    403,
                    ErrorCodes.INVALID_REQUEST,
                    "Forbidden: the Host or Origin header does not name this "
                            + "server (DNS rebinding protection). Start it with --allowed-host / --allowed-origin to allow "
                            + "more names.",
                    null);
            return;
        }
        Optional<String> token = BearerToken.from(req.getHeader("Authorization"));
        Optional<BearerAuth.Authenticated> caller = token.flatMap(t -> auth.authenticate(t, req));
        if (caller.isEmpty()) {
            // RFC 9728: the header names the protected-resource metadata, where OAuth clients start signing in.
            res.setHeader("WWW-Authenticate", auth.challenge(req, token.isPresent()));
            error(
                    res,
                    401,
                    -32001,
                    "Unauthorized: send a valid API key as 'Authorization: Bearer sk_replicas_...', or sign in "
                            + "with OAuth (the WWW-Authenticate header names the metadata).",
                    null);
            return;
        }
        String version = req.getHeader(VERSION_HEADER);
        if (version != null && !versions.contains(version.trim())) {
            error(
                    res,
                    400,
                    ErrorCodes.INVALID_REQUEST,
                    "Unsupported " + VERSION_HEADER + " '" + version + "'. Supported: " + String.join(", ", versions)
                            + ".",
                    null);
            return;
        }
        String sessionId = req.getHeader(HttpHeaders.MCP_SESSION_ID);
        // The ticket is taken before the body is read: a client that waits for 100 Continue knows its place.
        SessionArrivals.Arrival arrival = "POST".equalsIgnoreCase(req.getMethod()) ? arrivals.arrive(sessionId) : null;
        try {
            guarded(req, res, chain, caller.get().caller(), caller.get().owner(), arrival);
        } finally {
            if (arrival != null) {
                arrival.leave();
            }
        }
    }

    /** Everything after the key and version checks: body, session ownership and limits, the SDK, its errors. */
    private void guarded(
            HttpServletRequest req,
            HttpServletResponse res,
            FilterChain chain,
            Caller caller,
            String owner,
            SessionArrivals.Arrival arrival)
            throws IOException, ServletException {
        String sessionId = req.getHeader(HttpHeaders.MCP_SESSION_ID);
        HttpServletRequest forwarded = req;
        IncomingCheck.Checked checked = null;
        IncomingCheck.Verdict verdict = null;
        boolean opening = false;
        if ("POST".equalsIgnoreCase(req.getMethod())) {
            byte[] body = readBody(req);
            if (body == null) {
                error(
                        res,
                        413,
                        ErrorCodes.INVALID_REQUEST,
                        "Request too large: the limit is " + maxBytes + " bytes.",
                        null);
                return;
            }
            checked = check.read(body);
            verdict = checked.verdict();
            if (answered(verdict, res)) {
                return;
            }
            forwarded = new CachedBodyRequest(req, body);
            opening = sessionId == null
                    && "initialize".equals(checked.message().path("method").asText());
        }
        if (sessionId != null && !sessionId.isBlank() && !sessions.use(sessionId, owner)) {
            // Gone, never made, or opened with another key: the same answer, so an id tells another key nothing.
            error(res, 404, ErrorCodes.INVALID_REQUEST, fallback(404), verdict == null ? null : verdict.id());
            return;
        }
        if (opening && !sessions.reserve(owner)) {
            SessionLimits limits = sessions.limits();
            error(
                    res,
                    429,
                    ErrorCodes.INVALID_REQUEST,
                    "Too many open MCP sessions for this API key (the limit is "
                            + limits.maxPerKey()
                            + "). End sessions you no longer use (DELETE /mcp with their Mcp-Session-Id),"
                            + " or wait: a session ends after " + limits.idleText() + " without requests.",
                    verdict.id());
            return;
        }
        forwarded.setAttribute(CALLER, caller);
        CapturedErrorResponse wrapped = new CapturedErrorResponse(res);
        SessionIdWatch watch = opening ? new SessionIdWatch(wrapped, id -> sessions.opened(owner, id)) : null;
        try {
            arrivals.pass(arrival, checked, forwarded, watch != null ? watch : wrapped, chain);
        } finally {
            if (watch != null && !watch.heard()) {
                sessions.opened(owner, null);
            }
        }
        if (sessionId != null) {
            track(req, res, wrapped, sessionId, owner);
        }
        if (wrapped.failed() && !res.isCommitted()) {
            if (verdict != null && verdict.kind() == IncomingCheck.Kind.RESPONSE && wrapped.errorStatus() == 500) {
                // The SDK fails a response whose id it is not waiting for; the Streamable HTTP spec
                // answers every response 202 Accepted, and an unexpected one is simply dropped.
                LOG.debug("Ignored a client response for an unknown request id {}", verdict.id());
                res.reset();
                accepted(res);
                return;
            }
            translate(wrapped, res, verdict == null ? null : verdict.id());
        }
    }

    /** A session ended by its client is gone; one with a stream open (listening, or a call running) is in use. */
    private void track(
            HttpServletRequest req, HttpServletResponse res, CapturedErrorResponse wrapped, String id, String owner) {
        if ("DELETE".equalsIgnoreCase(req.getMethod()) && !wrapped.failed() && res.getStatus() < 300) {
            sessions.closed(id);
        } else if (req.isAsyncStarted()) {
            sessions.stream(id, true);
            jakarta.servlet.AsyncContext stream = req.getAsyncContext();
            streams.opened(owner, stream);
            stream.addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    sessions.stream(id, false);
                    streams.closed(owner, stream);
                }

                @Override
                public void onTimeout(AsyncEvent event) {}

                @Override
                public void onError(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {}
            });
        }
    }

    /** Answers a message that failed the check, or that needs nothing done; false when it goes on to the SDK. */
    private boolean answered(IncomingCheck.Verdict verdict, HttpServletResponse res) throws IOException {
        if (!verdict.ok()) {
            // A request with a usable id gets its error as the answer to that request (200, like any
            // other answer), so a client matches it by id and shows the message; anything else is
            // refused with 400, as the Streamable HTTP transport says.
            boolean answerable = verdict.kind() == IncomingCheck.Kind.REQUEST && verdict.id() != null;
            error(res, answerable ? 200 : 400, verdict.code(), verdict.problem(), verdict.id());
            return true;
        }
        if (verdict.kind() == IncomingCheck.Kind.IGNORED) {
            accepted(res);
            return true;
        }
        return false;
    }

    private static void accepted(HttpServletResponse res) {
        res.setStatus(202);
        res.setContentLength(0);
    }

    /** The body, or null when it is larger than the cap. */
    private byte[] readBody(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        }
    }

    /** The servlet's error, as a JSON-RPC error: its own code and message when it gave them. */
    private void translate(CapturedErrorResponse wrapped, HttpServletResponse res, JsonNode id) throws IOException {
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

    private static String fallback(int status) {
        return switch (status) {
            case 404 -> "Unknown MCP session: it expired or was closed. Send initialize to start a new one.";
            case 405 -> "Method not allowed on the MCP endpoint.";
            case 413 -> "Request too large.";
            case 503 -> "The server is shutting down.";
            default -> status >= 500 ? "Internal error; the server logged it." : "Bad request.";
        };
    }

    private void error(HttpServletResponse res, int status, int code, String message, JsonNode id) throws IOException {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
        body.set("id", id);
        body.putObject("error").put("code", code).put("message", message);
        byte[] bytes = json.writeValueAsBytes(body);
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
        res.getOutputStream().flush();
    }
}
