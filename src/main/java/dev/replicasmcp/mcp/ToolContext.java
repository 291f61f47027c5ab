package dev.replicasmcp.mcp;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Caller;

/** What a tool handler works with: the domain services, who is calling, and where to report progress. */
public record ToolContext(Services services, Caller caller, ToolProgress progress) {

    public ToolContext(Services services, Caller caller) {
        this(services, caller, ToolProgress.NONE);
    }

    public ToolContext withProgress(ToolProgress reporter) {
        return new ToolContext(services, caller, reporter);
    }
}
