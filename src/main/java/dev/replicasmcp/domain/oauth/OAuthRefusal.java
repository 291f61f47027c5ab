package dev.replicasmcp.domain.oauth;

/**
 * A token request refused, with the OAuth error code it is answered with (RFC 6749 §5.2: invalid_grant,
 * invalid_client, invalid_target...) and a description for the person reading the client's log.
 */
public final class OAuthRefusal extends RuntimeException {

    private final String error;

    public OAuthRefusal(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public static OAuthRefusal invalidGrant(String description) {
        return new OAuthRefusal("invalid_grant", description);
    }

    public String error() {
        return error;
    }
}
