package dev.replicasmcp.domain.oauth;

/**
 * One approval on the consent page: the client, the organization it acts for, who approved it (an API
 * key's id and name, or the setup code), the resource (the /mcp URL) its tokens are bound to, and the
 * authorization code it produced, kept as a hash with what the code is bound to.
 */
public record Grant(
        String id,
        String clientId,
        String organizationId,
        String approvedBy,
        String resource,
        String scope,
        String codeHash,
        String codeChallenge,
        String redirectUri,
        String codeExpiresAt,
        String codeUsedAt,
        String createdAt,
        String lastUsedAt,
        String revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
