package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.agent.AgentCredential;
import dev.replicasmcp.domain.agent.AgentStatus;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.CredentialKind;

/** The wire shapes of agent credentials (never their values) and of each agent's runner. */
public final class AgentViews {

    private AgentViews() {}

    public record Credential(
            @AllowedValues(CredentialKind.class) String kind,

            @AllowedValues(CodingAgent.class) @JsonPropertyDescription("The agent it signs in")
            String agent,

            @JsonPropertyDescription("oauth, api_key or bedrock")
            String authMethod,

            @JsonPropertyDescription("A masked form of the secret, e.g. 'sk-ant-…AbCd'; the value is never returned")
            String hint,

            String createdAt,
            String updatedAt) {

        public static Credential of(AgentCredential c) {
            return new Credential(
                    c.kind().wire(),
                    c.kind().agent().wire(),
                    c.kind().authMethod(),
                    c.hint(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    public record Agent(
            @AllowedValues(CodingAgent.class) String agent,
            boolean available,

            @JsonPropertyDescription(
                    "claude-code or codex (a CLI printing that format), scripted (built-in, " + "offline) or none")
            String runner,

            @Nullable @JsonPropertyDescription("The CLI that runs it")
            String command,

            @JsonPropertyDescription("Why this runner was chosen")
            String reason,

            @JsonPropertyDescription(
                    "How it signs in: oauth, api_key, bedrock, none (CLI without a credential), " + "scripted")
            String authMethod) {

        public static Agent of(AgentStatus s) {
            return new Agent(
                    s.agent().wire(),
                    s.available(),
                    s.choice().runner(),
                    s.choice().command(),
                    s.choice().reason(),
                    s.authMethod());
        }
    }
}
