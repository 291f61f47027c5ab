package dev.replicasmcp.domain;

/**
 * Who is acting: every read and write is scoped to this organization. userId is null for org keys;
 * actor is what the audit log names (an API key, the stdio session, or the server itself).
 */
public record Caller(String organizationId, String userId, Actor actor) {

    /** The server acting on an organization's behalf (background work). */
    public Caller(String organizationId, String userId) {
        this(organizationId, userId, Actor.SYSTEM);
    }
}
