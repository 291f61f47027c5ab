package dev.replicasmcp.domain;

/** Who is acting: every read and write is scoped to this organization. userId is null for org keys. */
public record Caller(String organizationId, String userId) {
}
