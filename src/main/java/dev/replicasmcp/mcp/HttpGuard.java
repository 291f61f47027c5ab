package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.BearerAuth;
import dev.replicasmcp.api.BearerToken;
import dev.replicasmcp.api.HostPolicy;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.ops.Operation;
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
 * JSON-RPC error object with a fitting HTTP status ({@link GuardAnswers}). Sends on one session are handled
 * in the order they arrived here ({@link SessionArrivals}). Most tool calls of an open session are answered
 * here, as one JSON body, without the servlet ({@link DirectCalls}).
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
    private final GuardAnswers answers;
    private final IncomingCheck check;
    private final SessionRegistry sessions;
    private final SessionArrivals arrivals = new SessionArrivals();
    private final OpenStreams streams;
    private final DirectCalls direct;

    /** knownTool: whether a tool of that name is served now (an unknown one is answered here, by name). */
    HttpGuard(
            HostPolicy hosts,
            BearerAuth auth,
            List<String> versions,
            int maxBytes,
            ObjectMapper json,
            Predicate<String> knownTool,
            SessionRegistry sessions,
            OpenStreams streams,
            DirectCalls direct) {
        this.hosts = hosts;
        this.direct = direct;
        this.auth = auth;
        this.streams = streams;
        this.versions = versions;
        this.maxBytes = maxBytes;
        this.answers = new GuardAnswers(json);
        this.check = new IncomingCheck(knownTool, "body");
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!hosts.hostAllowed(req.getHeader("Host")) || !hosts.originAllowed(req.getHeader("Origin"))) {
            answers.error(
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
            answers.error(
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
            answers.error(
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
                answers.error(
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
            answers.error(
                    res,
                    404,
                    ErrorCodes.INVALID_REQUEST,
                    GuardAnswers.fallback(404),
                    verdict == null ? null : verdict.id());
            return;
        }
        if (opening && !sessions.reserve(owner)) {
            SessionLimits limits = sessions.limits();
            answers.error(
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
        Operation<?, ?> tool = directTool(req, sessionId, checked);
        if (tool != null) {
            JsonNode message = checked.message();
            arrivals.pass(arrival, checked, req, res, (in, out) -> direct.answer(tool, message, caller, res));
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
                GuardAnswers.accepted(res);
                return;
            }
            answers.translate(wrapped, res, verdict == null ? null : verdict.id());
        }
    }

    /**
     * The tool of a call of an open session that {@link DirectCalls} answers, or null. The SDK forgets a
     * session it has not seen for its sweep interval (the idle limit), so one call per half of it goes to the
     * SDK all the same.
     */
    private Operation<?, ?> directTool(HttpServletRequest req, String sessionId, IncomingCheck.Checked checked) {
        if (sessionId == null || checked == null || checked.verdict().kind() != IncomingCheck.Kind.REQUEST) {
            return null;
        }
        Operation<?, ?> tool = direct.target(req, checked.message());
        return tool != null && sessions.bypass(sessionId) ? tool : null;
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
            answers.error(res, answerable ? 200 : 400, verdict.code(), verdict.problem(), verdict.id());
            return true;
        }
        if (verdict.kind() == IncomingCheck.Kind.IGNORED) {
            GuardAnswers.accepted(res);
            return true;
        }
        return false;
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
}
