package dev.replicasmcp.rest.oauth;

import dev.replicasmcp.api.SetupCode;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.oauth.OAuthService;
import java.util.function.Consumer;

/**
 * What the OAuth endpoints need: the grants, the keys that approve them (or the one-time setup code,
 * which approves for organizationId), where the server is seen from, the audit log, and what to do
 * when a grant is revoked over HTTP (end its open MCP streams, given the grant's owner name).
 */
public record OAuthSetup(
        OAuthService oauth,
        ApiKeyService keys,
        SetupCode setupCode,
        String organizationId,
        SiteUrls urls,
        AuditLog audit,
        Consumer<String> grantRevoked) {}
