package dev.replicasmcp.ops.defs;

/** The answer of a delete: {"success": true}. */
public record Success(boolean success) {

    static final Success OK = new Success(true);
}
