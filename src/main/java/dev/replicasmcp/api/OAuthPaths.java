package dev.replicasmcp.api;

/** Where the OAuth endpoints are served (outside /v1, /mcp, / and /ui). */
public final class OAuthPaths {

    public static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";
    public static final String SERVER_METADATA = "/.well-known/oauth-authorization-server";
    public static final String REGISTER = "/register";
    public static final String AUTHORIZE = "/authorize";
    public static final String TOKEN = "/token";
    public static final String REVOKE = "/revoke";

    private OAuthPaths() {}
}
