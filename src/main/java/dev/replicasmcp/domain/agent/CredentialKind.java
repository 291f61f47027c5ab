package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/**
 * The kinds of coding-agent credential an organization can store (spec §2.21), in the order one is
 * preferred over another for the same agent (spec §11.3: OAuth, then API key, then Bedrock).
 */
public enum CredentialKind implements WireName {
    CLAUDE_OAUTH(CodingAgent.CLAUDE, "oauth", "CLAUDE_CODE_OAUTH_TOKEN"),
    ANTHROPIC_API_KEY(CodingAgent.CLAUDE, "api_key", "ANTHROPIC_API_KEY"),
    BEDROCK(CodingAgent.CLAUDE, "bedrock", "AWS_ACCESS_KEY_ID"),
    OPENAI_OAUTH(CodingAgent.CODEX, "oauth", null),
    OPENAI_API_KEY(CodingAgent.CODEX, "api_key", "OPENAI_API_KEY");

    private final CodingAgent agent;
    private final String authMethod;
    private final String variable;

    CredentialKind(CodingAgent agent, String authMethod, String variable) {
        this.agent = agent;
        this.authMethod = authMethod;
        this.variable = variable;
    }

    /** The agent this credential signs in. */
    public CodingAgent agent() {
        return agent;
    }

    /** How get_replica reports it: oauth, api_key or bedrock. */
    public String authMethod() {
        return authMethod;
    }

    /** The environment variable that carries it to the agent (null: it travels as a file). */
    public String variable() {
        return variable;
    }

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static CredentialKind parse(String field, String value) {
        return Validation.enumValue(field, value, CredentialKind.class);
    }
}
