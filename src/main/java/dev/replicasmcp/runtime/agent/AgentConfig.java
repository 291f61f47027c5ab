package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How agents are run: per agent an explicit command (a CLI path or name, optionally prefixed with its
 * output format as in {@code codex:/opt/bin/my-codex}, or {@code scripted}: requests for it are answered,
 * and recorded, as the scripted agent; or {@code none}); whether the scripted agent is on; the agent used
 * when a request names none (null: the first installed of claude and codex, else scripted); the PATH
 * searched for {@code claude} and {@code codex} (and given to agent processes); the permission mode of
 * Claude Code turns that are not plans; and the limits of one turn.
 */
public record AgentConfig(
        Map<CodingAgent, String> commands,
        boolean scriptedAgent,
        String searchPath,
        String claudePermissionMode,
        CodingAgent defaultAgent,
        TurnLimits limits) {

    public static final String SCRIPTED = "scripted";
    public static final String NONE = "none";
    /** Edits are accepted without asking (a headless turn has no one to ask); other tools follow settings. */
    public static final String DEFAULT_PERMISSION_MODE = "acceptEdits";
    /** Claude Code's own --permission-mode choices (checked against its 2.1 release). */
    static final List<String> PERMISSION_MODES =
            List.of("acceptEdits", "auto", "bypassPermissions", "default", "dontAsk", "plan");

    static final String BYPASS = "bypassPermissions";

    /**
     * How long one CLI turn may run in all, and without printing a line, before its process tree is ended
     * and the turn closed as not complete; flag names them in the error the turn ends with.
     */
    public record TurnLimits(Duration turnTimeout, Duration silence) {

        public static final TurnLimits DEFAULT = new TurnLimits(Duration.ofMinutes(120), Duration.ofMinutes(15));
        static final String TIMEOUT_FLAG = "--turn-timeout-minutes";
        static final String SILENCE_FLAG = "--agent-silence-minutes";
    }

    public AgentConfig {
        commands = Map.copyOf(commands);
        searchPath = searchPath == null ? "" : searchPath;
        claudePermissionMode = claudePermissionMode == null ? DEFAULT_PERMISSION_MODE : claudePermissionMode;
        limits = limits == null ? TurnLimits.DEFAULT : limits;
    }

    /** The default agent and limits. */
    public AgentConfig(
            Map<CodingAgent, String> commands, boolean scriptedAgent, String searchPath, String claudePermissionMode) {
        this(commands, scriptedAgent, searchPath, claudePermissionMode, null, TurnLimits.DEFAULT);
    }

    /** CLIs found on the server's PATH run their agents; the scripted agent is on. */
    public static AgentConfig defaults() {
        return new AgentConfig(Map.of(), true, System.getenv("PATH"), DEFAULT_PERMISSION_MODE);
    }

    /** Every agent is answered by the scripted one whatever is installed: deterministic and offline. */
    public static AgentConfig scriptedOnly() {
        Map<CodingAgent, String> all = new EnumMap<>(CodingAgent.class);
        for (CodingAgent agent : CodingAgent.values()) {
            if (agent != CodingAgent.SCRIPTED) {
                all.put(agent, SCRIPTED);
            }
        }
        return new AgentConfig(all, true, System.getenv("PATH"), DEFAULT_PERMISSION_MODE);
    }

    public AgentConfig withLimits(TurnLimits newLimits) {
        return new AgentConfig(commands, scriptedAgent, searchPath, claudePermissionMode, defaultAgent, newLimits);
    }

    public AgentConfig withDefaultAgent(CodingAgent agent) {
        return new AgentConfig(commands, scriptedAgent, searchPath, claudePermissionMode, agent, limits);
    }

    /**
     * Reads {@code --agent-command AGENT=COMMAND} entries and checks the permission mode; anything wrong
     * is an IllegalArgumentException whose message says what and how to fix it. bypassPermissions is
     * refused when the server runs as root: Claude Code itself refuses it then, on every turn.
     */
    public static AgentConfig parse(
            List<String> entries,
            boolean scriptedAgent,
            String searchPath,
            String permissionMode,
            boolean runningAsRoot) {
        Map<CodingAgent, String> commands = new EnumMap<>(CodingAgent.class);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--agent-command takes AGENT=COMMAND, e.g. claude=/usr/local/bin/"
                        + "claude; got '" + entry + "'.");
            }
            CodingAgent agent = agent("--agent-command", entry.substring(0, eq).trim());
            if (agent == CodingAgent.SCRIPTED) {
                throw new IllegalArgumentException("--agent-command " + entry + ": the scripted agent is built in and "
                        + "takes no command; --no-scripted-agent turns it off.");
            }
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
        if (BYPASS.equals(permissionMode) && runningAsRoot) {
            throw new IllegalArgumentException("--claude-permission-mode bypassPermissions cannot be used: this server "
                    + "runs as root, and Claude Code refuses to skip permissions with root privileges. Run the server "
                    + "as an ordinary user, or choose acceptEdits, auto, default, dontAsk or plan.");
        }
        return new AgentConfig(commands, scriptedAgent, searchPath, permissionMode);
    }

    /** An agent's wire name as a flag gives it; unknown names list the choices. */
    public static CodingAgent agent(String flag, String name) {
        for (CodingAgent agent : CodingAgent.values()) {
            if (agent.wire().equals(name.toLowerCase(Locale.ROOT))) {
                return agent;
            }
        }
        throw new IllegalArgumentException(flag + ": unknown agent '" + name + "'; use one of claude, codex, cursor, "
                + "opencode, pi, scripted.");
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
