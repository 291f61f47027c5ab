package dev.replicasmcp.ops.defs;

/** The input of a tool that takes no arguments. */
public record Empty() {}
