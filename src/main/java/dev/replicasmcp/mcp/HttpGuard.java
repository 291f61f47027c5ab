package dev.replicasmcp.mcp;

import dev.replicasmcp.api.BearerToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.domain.Caller;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the SDK's MCP servlet: refuses foreign Host and Origin headers (DNS rebinding),
 * requests without a valid API key, unsupported MCP-Protocol-Version headers, bodies over the size
 * cap and bodies that are not one well-formed JSON-RPC message ({@link IncomingCheck}); accepts a
 * client response the SDK was not waiting for; and turns every error the servlet makes into a
 * JSON-RPC error object with a fitting HTTP status. Sends on one session are handled in the order they
 * arrived here.
 */
final class HttpGuard implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);

    /** Request attribute under which the authenticated caller travels to the transport context. */
    static final String CALLER = "replicas.caller";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final HostPolicy hosts;
    private final Function<String, Optional<Caller>> authenticate;
    private final List<String> versions;
    private final int maxBytes;
    private final ObjectMapper json;
    private final IncomingCheck check;
    /** Per MCP session, the sends still to run (see {@link ArrivalOrder}); dropped whenever one is idle. */
    private final Map<String, Turnstile> sends = new ConcurrentHashMap<>();

    /** knownTool: whether a tool of that name is served now (an unknown one is answered here, by name). */
    HttpGuard(HostPolicy hosts, Function<String, Optional<Caller>> authenticate, List<String> versions, int maxBytes,
              ObjectMapper json, Predicate<String> knownTool) {
        this.hosts = hosts;
        this.authenticate = authenticate;
        this.versions = versions;
        this.maxBytes = maxBytes;
        this.json = json;
        this.check = new IncomingCheck(knownTool, "body");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!hosts.hostAllowed(req.getHeader("Host")) || !hosts.originAllowed(req.getHeader("Origin"))) {
            error(res, 403, ErrorCodes.INVALID_REQUEST, "Forbidden: the Host or Origin header does not name this "
                    + "server (DNS rebinding protection). Start it with --allowed-host / --allowed-origin to allow "
                    + "more names.", null);
            return;
        }
        Optional<Caller> caller = BearerToken.from(req.getHeader("Authorization")).flatMap(authenticate);
        if (caller.isEmpty()) {
            res.setHeader("WWW-Authenticate", "Bearer");
            error(res, 401, -32001, "Unauthorized: send a valid API key as 'Authorization: Bearer sk_replicas_...'.",
                    null);
            return;
        }
        String version = req.getHeader(VERSION_HEADER);
        if (version != null && !versions.contains(version.trim())) {
            error(res, 400, ErrorCodes.INVALID_REQUEST, "Unsupported " + VERSION_HEADER + " '" + version
                    + "'. Supported: " + String.join(", ", versions) + ".", null);
            return;
        }
        // The ticket is taken before the body is read: a client that waits for 100 Continue knows its place.
        Arrival arrival = "POST".equalsIgnoreCase(req.getMethod()) ? arrive(req.getHeader(SESSION_HEADER)) : null;
        try {
            filterChecked(req, res, chain, caller.get(), arrival);
        } finally {
            if (arrival != null) {
                arrival.leave();
            }
        }
    }

    private void filterChecked(HttpServletRequest req, HttpServletResponse res, FilterChain chain, Caller caller,
                            Arrival arrival) throws IOException, ServletException {
        HttpServletRequest forwarded = req;
        IncomingCheck.Verdict verdict = null;
        if ("POST".equalsIgnoreCase(req.getMethod())) {
            byte[] body = readBody(req);
            if (body == null) {
                error(res, 413, ErrorCodes.INVALID_REQUEST, "Request too large: the limit is " + maxBytes
                        + " bytes.", null);
                return;
            }
            verdict = check.check(body);
            if (answered(verdict, res)) {
                return;
            }
            forwarded = new CachedBodyRequest(req, body);
        }
        forwarded.setAttribute(CALLER, caller);
        CapturedErrorResponse wrapped = new CapturedErrorResponse(res);
        inArrivalOrder(arrival, verdict, forwarded, wrapped, chain);
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

    /** A POST's place among the POSTs of its MCP session. */
    private final class Arrival {

        private final String session;
        private final Turnstile turnstile;
        private final long ticket;
        private boolean left;

        Arrival(String session, Turnstile turnstile, long ticket) {
            this.session = session;
            this.turnstile = turnstile;
            this.ticket = ticket;
        }

        void enter() throws InterruptedException {
            turnstile.enter(ticket);
        }

        void leave() {
            if (!left) {
                left = true;
                turnstile.leave(ticket);
                sends.computeIfPresent(session, (id, t) -> t.idle() ? null : t);
            }
        }
    }

    private Arrival arrive(String session) {
        if (session == null) {
            return null;
        }
        long[] ticket = new long[1];
        Turnstile turnstile = sends.compute(session, (id, existing) -> {
            Turnstile t = existing != null ? existing : new Turnstile();
            ticket[0] = t.ticket();
            return t;
        });
        return new Arrival(session, turnstile, ticket[0]);
    }

    /**
     * Passes the request on. A send_replica_message call first waits until every POST that reached this
     * guard before it on the same session has been handled (any other request gives up its place at
     * once and runs concurrently). The SDK's servlet answers a request before it returns, so the next
     * send enters the domain only after this one is queued.
     */
    private void inArrivalOrder(Arrival arrival, IncomingCheck.Verdict verdict, HttpServletRequest forwarded,
                                CapturedErrorResponse wrapped, FilterChain chain) throws IOException, ServletException {
        boolean send = arrival != null && verdict != null && verdict.kind() == IncomingCheck.Kind.REQUEST
                && ArrivalOrder.isSend(((CachedBodyRequest) forwarded).body());
        if (!send) {
            if (arrival != null) {
                arrival.leave();
            }
            chain.doFilter(forwarded, wrapped);
            return;
        }
        try {
            arrival.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for earlier messages of the session", e);
        }
        chain.doFilter(forwarded, wrapped);
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
            JsonNode error = body == null ? null : body.has("jsonRpcError") ? body.get("jsonRpcError") : body.get("error");
            if (error != null && error.hasNonNull("message") && plain(error.get("message").asText())) {
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
        return !message.contains("Exception") && !message.contains("java.") && !message.contains("`")
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

    private void error(HttpServletResponse res, int status, int code, String message, JsonNode id)
            throws IOException {
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
