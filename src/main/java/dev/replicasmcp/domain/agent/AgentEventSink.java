package dev.replicasmcp.domain.agent;

/** Where a runner streams its events as they happen; each one is stored before emit returns. */
@FunctionalInterface
public interface AgentEventSink {

    void emit(AgentEvent event);
}
