package dev.replicasmcp.domain;

/**
 * Who a change is attributed to in the audit log: an API key (its id and name), an OAuth client's
 * grant, the local stdio session, or the server itself (background work such as warm pools and the key command line).
 */
public record Actor(Kind kind, String id, String name) {

    /** On the wire: api_key, stdio, system, oauth_client. */
    public enum Kind implements WireName {
        API_KEY,
        STDIO,
        SYSTEM,
        OAUTH_CLIENT
    }

    public static final Actor STDIO = new Actor(Kind.STDIO, null, "stdio");
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system");

    public static Actor apiKey(String id, String name) {
        return new Actor(Kind.API_KEY, id, name);
    }

    /** A remote client signed in with OAuth: its grant's id and the client's name. */
    public static Actor oauthClient(String grantId, String clientName) {
        return new Actor(Kind.OAUTH_CLIENT, grantId, clientName);
    }
}
