package dev.replicasmcp.domain.oauth;

/** An access or refresh token of a grant, by its hash; a retired refresh token was already used once. */
public record Token(String hash, String grantId, Kind kind, String expiresAt, String createdAt, String retiredAt) {

    public enum Kind {
        ACCESS,
        REFRESH
    }
}
