package dev.replicasmcp.domain.agent;

/** Whether an agent can run for an organization, on which runner, and how it signs in. */
public record AgentStatus(RunnerChoice choice, String authMethod) {

    public CodingAgent agent() {
        return choice.agent();
    }

    public boolean available() {
        return choice.available();
    }
}
