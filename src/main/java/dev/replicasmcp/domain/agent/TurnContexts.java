package dev.replicasmcp.domain.agent;

/** Looks up the context of a turn when it starts (workspace, variables, credentials may change meanwhile). */
@FunctionalInterface
public interface TurnContexts {

    TurnContext forTurn(String replicaId, CodingAgent provider);
}
