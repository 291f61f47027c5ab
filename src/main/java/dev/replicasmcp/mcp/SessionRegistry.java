package dev.replicasmcp.mcp;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who opened each HTTP MCP session and when it was last used. A session answers only the API key
 * that opened it; one that saw no request for the idle limit (and has no stream open) is gone; a key
 * holds at most a fixed number at once. The SDK keeps its own session map and sweeps idle ones from
 * it on the same limit; this registry is what decides, so a client never reaches one that is gone.
 */
final class SessionRegistry {

    private static final class Session {
        final String owner;
        long lastSeen;
        /** When a request of the session last went to the SDK (see {@link #bypass}). */
        long sdkSeen;

        int streams;

        Session(String owner, long now) {
            this.owner = owner;
            this.lastSeen = now;
            this.sdkSeen = now;
        }
    }

    private final SessionLimits limits;
    private final LongSupplier nanos;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();

    SessionRegistry(SessionLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    SessionLimits limits() {
        return limits;
    }

    /** Takes a slot for a session the owner is opening; false when it holds the maximum already. */
    synchronized boolean reserve(String owner) {
        prune();
        long held =
                sessions.values().stream().filter(s -> s.owner.equals(owner)).count() + pending.getOrDefault(owner, 0);
        if (held >= limits.maxPerKey()) {
            return false;
        }
        pending.merge(owner, 1, Integer::sum);
        return true;
    }

    /** The reserved slot became this session (id null: no session was made, the slot is free again). */
    synchronized void opened(String owner, String id) {
        pending.computeIfPresent(owner, (k, n) -> n <= 1 ? null : n - 1);
        if (id != null) {
            sessions.put(id, new Session(owner, nanos.getAsLong()));
        }
    }

    /** Whether the session exists for this owner; if so it counts as used now. */
    synchronized boolean use(String id, String owner) {
        Session session = sessions.get(id);
        if (session == null) {
            return false;
        }
        long now = nanos.getAsLong();
        if (expired(session, now)) {
            sessions.remove(id);
            return false;
        }
        if (!session.owner.equals(owner)) {
            return false;
        }
        session.lastSeen = now;
        return true;
    }

    /**
     * Whether a request of the session may be answered without the SDK's servlet (see {@link DirectCalls}).
     * The SDK sweeps a session it has not seen for a whole idle limit, even one in use here: so once per half
     * of that limit the answer is no, and the request goes to the SDK.
     */
    synchronized boolean bypass(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            return false;
        }
        long now = nanos.getAsLong();
        if (now - session.sdkSeen < limits.idle().toNanos() / 2) {
            return true;
        }
        session.sdkSeen = now;
        return false;
    }

    /** A stream of the session opened (true) or closed (false): a session with an open stream is not idle. */
    synchronized void stream(String id, boolean opened) {
        Session session = sessions.get(id);
        if (session != null) {
            session.streams += opened ? 1 : -1;
            session.lastSeen = nanos.getAsLong();
        }
    }

    synchronized void closed(String id) {
        sessions.remove(id);
    }

    synchronized int size() {
        prune();
        return sessions.size();
    }

    private void prune() {
        long now = nanos.getAsLong();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
            }
        }
    }

    private boolean expired(Session session, long now) {
        return session.streams <= 0 && now - session.lastSeen >= limits.idle().toNanos();
    }
}
