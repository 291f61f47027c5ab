package dev.replicasmcp.domain;

/**
 * Who a change is attributed to in the audit log: an API key (its id and name), the local stdio
 * session, or the server itself (background work such as warm pools and the key command line).
 */
public record Actor(Kind kind, String id, String name) {

    /** On the wire: api_key, stdio, system. */
    public enum Kind implements WireName {
        API_KEY,
        STDIO,
        SYSTEM
    }

    public static final Actor STDIO = new Actor(Kind.STDIO, null, "stdio");
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system");

    public static Actor apiKey(String id, String name) {
        return new Actor(Kind.API_KEY, id, name);
    }
}
