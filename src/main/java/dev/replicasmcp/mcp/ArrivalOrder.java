package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the messages sent on a session in the order the server received them. The SDK runs tool calls
 * concurrently, so two sends pipelined on one session could reach their chat's queue in either order.
 * Only sends are ordered; every other tool runs as soon as it can.
 *
 * <p>Over stdio the reader, which sees the lines in order, stamps each send_replica_message call with a
 * ticket in its {@code _meta} (replacing any the client put there), and the tool's handler passes the
 * turnstile before it enters the domain and leaves it once the message is queued. (Over HTTP the guard
 * does the same around the whole request, see {@link HttpGuard}.)
 */
final class ArrivalOrder {

    static final String ORDERED_TOOL = "send_replica_message";
    static final String META_KEY = "dev.replicasmcp/arrival";
    /** For transports that order sends themselves (HTTP): handlers run at once. */
    static final ArrivalOrder NONE = new ArrivalOrder(null);

    private final Turnstile turnstile;

    private ArrivalOrder(Turnstile turnstile) {
        this.turnstile = turnstile;
    }

    /** The order of one stream of messages (a stdio session). */
    static ArrivalOrder stamped() {
        return new ArrivalOrder(new Turnstile());
    }

    /** Whether the message is a call of the ordered tool. */
    static boolean isSend(JsonNode message) {
        return message != null
                && McpSchema.METHOD_TOOLS_CALL.equals(message.path("method").asText(null))
                && ORDERED_TOOL.equals(message.path("params").path("name").asText(null));
    }

    /** Stamps a send with its ticket in its params' _meta (message: as the SDK reads a line, mutable). */
    @SuppressWarnings("unchecked")
    void stamp(Map<String, Object> message) {
        if (turnstile == null
                || !McpSchema.METHOD_TOOLS_CALL.equals(message.get("method"))
                || !(message.get("params") instanceof Map<?, ?> params)
                || !ORDERED_TOOL.equals(params.get("name"))) {
            return;
        }
        Map<String, Object> call = (Map<String, Object>) params;
        Map<String, Object> meta =
                call.get("_meta") instanceof Map<?, ?> given ? (Map<String, Object>) given : new LinkedHashMap<>();
        meta.put(META_KEY, turnstile.ticket());
        call.put("_meta", meta);
    }

    /** Runs the call once every send stamped before it has run; calls without a ticket run at once. */
    <T> T inTurn(Map<String, Object> meta, Supplier<T> call) {
        Object ticket = turnstile == null || meta == null ? null : meta.get(META_KEY);
        if (!(ticket instanceof Number number)) {
            return call.get();
        }
        long mine = number.longValue();
        try {
            turnstile.enter(mine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return call.get();
        } finally {
            turnstile.leave(mine);
        }
    }
}
