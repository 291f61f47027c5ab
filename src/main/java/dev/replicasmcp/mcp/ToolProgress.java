package dev.replicasmcp.mcp;

/** Sends MCP progress notifications for a call whose client asked for them (with a progress token). */
@FunctionalInterface
public interface ToolProgress {

    ToolProgress NONE = (progress, total, message) -> { };

    void report(double progress, Double total, String message);
}
