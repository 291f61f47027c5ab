package dev.replicasmcp.domain.agent;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and with what a turn runs: the replica's workspace home (null when it has none), the merged
 * variables of its environment, the agent's credential for the organization, and the extra instructions
 * for the agent (the environment's system prompt, then each repository's; null when there are none).
 */
public record TurnContext(
        Path workspace, Map<String, String> variables, Map<CredentialKind, String> credentials, String systemPrompt) {

    public static final TurnContext NONE = new TurnContext(null, Map.of(), Map.of(), null);

    public TurnContext {
        variables = Map.copyOf(variables);
        credentials = Map.copyOf(credentials);
    }

    /** Never prints values: they are secrets. */
    @Override
    public String toString() {
        return "TurnContext[workspace=" + workspace + ", variables=" + variables.keySet() + ", credentials="
                + credentials.keySet() + ", systemPrompt="
                + (systemPrompt == null ? "none" : systemPrompt.length() + " chars") + "]";
    }
}
