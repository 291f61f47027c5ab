package dev.replicasmcp.api;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.oauth.OAuthService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who a bearer token at the MCP endpoint acts as: an API key of the organization, or an OAuth access
 * token issued for this very endpoint (its resource, RFC 8707: the URL the client reached, such as
 * https://host/mcp). Long-lived things (MCP sessions and their streams) remember the owner, never the
 * token: a key's fingerprint, or "grant:" and the grant id, since a grant's access token changes on refresh.
 */
public final class BearerAuth {

    /** The caller a token acts as, and the owner its sessions are held by. */
    public record Authenticated(Caller caller, String owner) {}

    private static final String GRANT = "grant:";

    private final ApiKeyService keys;
    private final OAuthService oauth;
    private final SiteUrls urls;

    public BearerAuth(ApiKeyService keys, OAuthService oauth, SiteUrls urls) {
        this.keys = keys;
        this.oauth = oauth;
        this.urls = urls;
    }

    public Optional<Authenticated> authenticate(String token, HttpServletRequest request) {
        if (token == null) {
            return Optional.empty();
        }
        if (token.startsWith(ApiKeyService.PREFIX)) {
            String fingerprint = ApiKeyService.fingerprint(token);
            return keys.callerOf(fingerprint).map(caller -> new Authenticated(caller, fingerprint));
        }
        return oauth.authenticate(token, resource(request))
                .map(signedIn -> new Authenticated(signedIn.caller(), GRANT + signedIn.grantId()));
    }

    /** Whether the key or grant an owner names is still active (read from the database each time). */
    public boolean active(String owner) {
        return owner.startsWith(GRANT) ? oauth.active(owner.substring(GRANT.length())) : keys.active(owner);
    }

    /** The owner a grant's sessions are held by. */
    public static String ownerOfGrant(String grantId) {
        return GRANT + grantId;
    }

    /** The resource this request is at: the URL of the MCP endpoint as the client reached it. */
    public String resource(HttpServletRequest request) {
        return urls.base(request) + request.getRequestURI();
    }

    /**
     * The WWW-Authenticate value of a 401 (RFC 6750, RFC 9728): where the protected-resource metadata of
     * this endpoint is, and invalid_token when a token was sent but not accepted.
     */
    public String challenge(HttpServletRequest request, boolean tokenSent) {
        String metadata = urls.base(request) + OAuthPaths.RESOURCE_METADATA + request.getRequestURI();
        return "Bearer realm=\"replicas-mcp\", resource_metadata=\"" + metadata + "\""
                + (tokenSent
                        ? ", error=\"invalid_token\", error_description=\"The API key or access token is "
                                + "unknown, expired or revoked.\""
                        : "");
    }
}
