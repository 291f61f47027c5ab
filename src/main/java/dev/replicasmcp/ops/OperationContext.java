package dev.replicasmcp.ops;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Caller;

/** What an operation works with: the domain services, who is calling, and where to report progress. */
public record OperationContext(Services services, Caller caller, Progress progress) {

    public OperationContext(Services services, Caller caller) {
        this(services, caller, Progress.NONE);
    }
}
