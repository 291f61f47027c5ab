package dev.replicasmcp.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order of the POSTs of each MCP session over HTTP: every POST takes a ticket when it reaches the
 * guard (before its body is read, so a client that waits for 100 Continue knows its place), and a
 * send_replica_message call waits until every POST before it on the session has been handled. Any other
 * request gives up its place at once and runs concurrently. The SDK's servlet answers a request before it
 * returns, so the next send enters the domain only after this one is queued.
 */
final class SessionArrivals {

    /** Per MCP session, the POSTs still to run; dropped whenever one is idle. */
    private final Map<String, Turnstile> sends = new ConcurrentHashMap<>();

    /** A POST's place among the POSTs of its MCP session. */
    final class Arrival {

        private final String session;
        private final Turnstile turnstile;
        private final long ticket;
        private boolean left;

        private Arrival(String session, Turnstile turnstile, long ticket) {
            this.session = session;
            this.turnstile = turnstile;
            this.ticket = ticket;
        }

        void leave() {
            if (!left) {
                left = true;
                turnstile.leave(ticket);
                sends.computeIfPresent(session, (id, t) -> t.idle() ? null : t);
            }
        }
    }

    /** The POST's ticket; null when it names no session (nothing to order it with). */
    Arrival arrive(String session) {
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

    /** Passes the request on; a send first waits for its turn. */
    void pass(
            Arrival arrival,
            IncomingCheck.Checked checked,
            HttpServletRequest forwarded,
            HttpServletResponse response,
            FilterChain chain)
            throws IOException, ServletException {
        boolean send = arrival != null
                && checked != null
                && checked.verdict().kind() == IncomingCheck.Kind.REQUEST
                && ArrivalOrder.isSend(checked.message());
        if (!send) {
            if (arrival != null) {
                arrival.leave();
            }
            chain.doFilter(forwarded, response);
            return;
        }
        try {
            arrival.turnstile.enter(arrival.ticket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for earlier messages of the session", e);
        }
        chain.doFilter(forwarded, response);
    }
}
