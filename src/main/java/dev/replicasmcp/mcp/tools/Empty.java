package dev.replicasmcp.mcp.tools;

/** The input of a tool that takes no arguments. */
public record Empty() {
}
