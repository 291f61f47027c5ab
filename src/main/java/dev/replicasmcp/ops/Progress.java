package dev.replicasmcp.ops;

/** Where a long operation reports how far it got (MCP progress notifications); NONE drops it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (progress, total, message) -> {};

    void report(double progress, Double total, String message);
}
