package dev.replicasmcp.domain.account;

/** An API key as stored: only a hash and a short prefix for display, never the key itself. */
public record ApiKey(
        String id,
        String organizationId,
        String userId,
        String name,
        String keyPrefix,
        String keyHash,
        String createdAt,
        String lastUsedAt,
        String revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
