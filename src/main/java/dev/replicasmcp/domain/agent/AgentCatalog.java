package dev.replicasmcp.domain.agent;

/** Which runner answers each agent's chats; the runtime decides from its configuration and the PATH. */
@FunctionalInterface
public interface AgentCatalog {

    RunnerChoice choice(CodingAgent agent);
}
