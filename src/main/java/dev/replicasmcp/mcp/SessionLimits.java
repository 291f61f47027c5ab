package dev.replicasmcp.mcp;

import java.time.Duration;

/** HTTP MCP sessions: how long one may go without requests before it ends, and how many one API key may hold. */
public record SessionLimits(Duration idle, int maxPerKey) {

    public static final SessionLimits DEFAULT = new SessionLimits(Duration.ofMinutes(30), 100);

    /** The idle limit for a message: minutes, or seconds when shorter (tests). */
    String idleText() {
        return idle.toMinutes() >= 1 ? idle.toMinutes() + " minutes" : idle.toSeconds() + " seconds";
    }
}
