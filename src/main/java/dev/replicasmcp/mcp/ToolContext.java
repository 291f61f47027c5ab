package dev.replicasmcp.mcp;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Caller;

/** What a tool handler works with: the domain services and who is calling. */
public record ToolContext(Services services, Caller caller) {
}
