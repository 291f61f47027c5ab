package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How agents are run: per agent an explicit command (a CLI path or name, optionally prefixed with its
 * output format as in {@code codex:/opt/bin/my-codex}, or {@code scripted}, or {@code none}); whether
 * the scripted agent answers agents with no CLI; the PATH searched for {@code claude} and {@code codex}
 * (and given to agent processes); and the permission mode of Claude Code turns that are not plans.
 */
public record AgentConfig(Map<CodingAgent, String> commands, boolean scriptedFallback, String searchPath,
                          String claudePermissionMode) {

    public static final String SCRIPTED = "scripted";
    public static final String NONE = "none";
    /** Edits are accepted without asking (a headless turn has no one to ask); other tools follow settings. */
    public static final String DEFAULT_PERMISSION_MODE = "acceptEdits";
    static final List<String> PERMISSION_MODES = List.of("acceptEdits", "bypassPermissions", "default", "dontAsk");

    public AgentConfig {
        commands = Map.copyOf(commands);
        searchPath = searchPath == null ? "" : searchPath;
        claudePermissionMode = claudePermissionMode == null ? DEFAULT_PERMISSION_MODE : claudePermissionMode;
    }

    /** CLIs found on the server's PATH win; the scripted agent answers the others. */
    public static AgentConfig defaults() {
        return new AgentConfig(Map.of(), true, System.getenv("PATH"), DEFAULT_PERMISSION_MODE);
    }

    /** Every agent runs scripted whatever is installed: deterministic and offline. */
    public static AgentConfig scriptedOnly() {
        Map<CodingAgent, String> all = new EnumMap<>(CodingAgent.class);
        for (CodingAgent agent : CodingAgent.values()) {
            all.put(agent, SCRIPTED);
        }
        return new AgentConfig(all, true, System.getenv("PATH"), DEFAULT_PERMISSION_MODE);
    }

    /**
     * Reads {@code --agent-command AGENT=COMMAND} entries; a malformed one is an IllegalArgumentException
     * whose message says what is wrong.
     */
    public static AgentConfig parse(List<String> entries, boolean scriptedFallback, String searchPath,
                                    String permissionMode) {
        Map<CodingAgent, String> commands = new EnumMap<>(CodingAgent.class);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--agent-command takes AGENT=COMMAND, e.g. claude=/usr/local/bin/"
                        + "claude; got '" + entry + "'.");
            }
            CodingAgent agent = agent(entry.substring(0, eq).trim());
            String command = entry.substring(eq + 1).trim();
            if (CommandSpec.parse(agent, command) == null && !command.equals(SCRIPTED) && !command.equals(NONE)) {
                throw new IllegalArgumentException("--agent-command " + entry + ": the " + agent.wire() + " agent has "
                        + "no CLI format of its own; prefix the command with claude: or codex: to say which output "
                        + "format it prints, e.g. " + agent.wire() + "=claude:/path/to/cli.");
            }
            commands.put(agent, command);
        }
        if (!PERMISSION_MODES.contains(permissionMode)) {
            throw new IllegalArgumentException("--claude-permission-mode must be one of "
                    + String.join(", ", PERMISSION_MODES) + "; got '" + permissionMode + "'.");
        }
        return new AgentConfig(commands, scriptedFallback, searchPath, permissionMode);
    }

    private static CodingAgent agent(String name) {
        try {
            return CodingAgent.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--agent-command: unknown agent '" + name + "'; use one of claude, "
                    + "codex, cursor, opencode, pi.", e);
        }
    }

    /** A CLI command with the output format it prints. */
    record CommandSpec(String format, String command) {

        static final String CLAUDE_FORMAT = "claude-code";
        static final String CODEX_FORMAT = "codex";

        /** The command of a value that names a CLI; null when no format can be told (or it is scripted/none). */
        static CommandSpec parse(CodingAgent agent, String value) {
            if (value.equals(SCRIPTED) || value.equals(NONE)) {
                return null;
            }
            if (value.startsWith("claude:")) {
                return new CommandSpec(CLAUDE_FORMAT, value.substring("claude:".length()));
            }
            if (value.startsWith("codex:")) {
                return new CommandSpec(CODEX_FORMAT, value.substring("codex:".length()));
            }
            String own = ownFormat(agent);
            return own == null ? null : new CommandSpec(own, value);
        }

        static String ownFormat(CodingAgent agent) {
            return switch (agent) {
                case CLAUDE -> CLAUDE_FORMAT;
                case CODEX -> CODEX_FORMAT;
                default -> null;
            };
        }
    }
}
