package dev.replicasmcp.domain.agent;

/**
 * How the chats of one agent are run on this server. runner is claude-code or codex (a CLI whose output
 * has that format), scripted (the built-in offline agent) or none (unavailable); command is the CLI's
 * path for a CLI runner; reason says why this runner was chosen.
 */
public record RunnerChoice(CodingAgent agent, String runner, String command, String reason) {

    public static final String SCRIPTED = "scripted";
    public static final String NONE = "none";

    public boolean available() {
        return !NONE.equals(runner);
    }

    public boolean scripted() {
        return SCRIPTED.equals(runner);
    }
}
