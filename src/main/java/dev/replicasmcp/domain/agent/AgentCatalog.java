package dev.replicasmcp.domain.agent;

import java.util.Optional;

/** Which runner answers each agent's chats; the runtime decides from its configuration and the PATH. */
public interface AgentCatalog {

    RunnerChoice choice(CodingAgent agent);

    /** The agent set with --default-agent, if one was; else the first installed CLI is the default. */
    Optional<CodingAgent> configuredDefault();
}
