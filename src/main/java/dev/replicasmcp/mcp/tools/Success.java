package dev.replicasmcp.mcp.tools;

/** The answer of a delete: {"success": true}. */
public record Success(boolean success) {

    static final Success OK = new Success(true);
}
