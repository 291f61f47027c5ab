package dev.replicasmcp.app;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.RunnerChoice;
import dev.replicasmcp.runtime.agent.AgentConfig;
import dev.replicasmcp.runtime.agent.RootCheck;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The command-line flags of the coding agents (mixed into {@link Main}), checked and turned into an {@link AgentConfig}. */
final class AgentFlags {

    @Option(
            names = "--agent-command",
            paramLabel = "AGENT=COMMAND",
            description = {
                "Run AGENT's chats with this CLI (repeatable), e.g. claude=/usr/local/bin/claude. A "
                        + "command for cursor, opencode or pi says its output format first: pi=claude:/opt/pi-cli. "
                        + "'none' turns the agent off; 'scripted' has the built-in scripted agent answer requests "
                        + "for AGENT, and they are recorded as scripted.",
                "Without it, claude and codex found on the PATH are used."
            })
    List<String> agentCommands = new ArrayList<>();

    @Option(
            names = "--default-agent",
            paramLabel = "AGENT",
            description = "The agent of requests that name none: claude, codex, cursor, opencode, pi or scripted "
                    + "(it must be available at start). Default: the first installed of claude and codex, else "
                    + "scripted.")
    String defaultAgent;

    @Option(
            names = "--scripted-agent",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Offer the built-in scripted agent (offline, deterministic answers) as the agent "
                    + "'scripted'; --no-scripted-agent turns it off. It never answers for another agent. "
                    + "Default: on.")
    boolean scriptedAgent = true;

    @Option(
            names = "--claude-permission-mode",
            paramLabel = "MODE",
            description = "Permission mode of Claude Code turns that are not plans: acceptEdits, auto, "
                    + "bypassPermissions (not when the server runs as root), default, dontAsk or plan. "
                    + "Default: ${DEFAULT-VALUE}.")
    String claudePermissionMode = "acceptEdits";

    @Option(
            names = "--turn-timeout-minutes",
            paramLabel = "M",
            description = "End an agent CLI's turn (its whole process tree) after this many minutes; the turn is "
                    + "closed as not complete and the chat's queue goes on (1-10080). Default: ${DEFAULT-VALUE}.")
    long turnTimeoutMinutes = 120;

    @Option(
            names = "--agent-silence-minutes",
            paramLabel = "M",
            description = "End an agent CLI's turn when it prints no output line for this many minutes (1-10080). "
                    + "Default: ${DEFAULT-VALUE}.")
    long agentSilenceMinutes = 15;

    /** The agents these flags describe; an IllegalArgumentException names the flag that is wrong. */
    AgentConfig config() {
        AgentConfig agents = AgentConfig.parse(
                agentCommands, scriptedAgent, System.getenv("PATH"), claudePermissionMode, RootCheck.runningAsRoot());
        agents = agents.withLimits(new AgentConfig.TurnLimits(
                FlagRange.minutes("--turn-timeout-minutes", turnTimeoutMinutes),
                FlagRange.minutes("--agent-silence-minutes", agentSilenceMinutes)));
        return defaultAgent == null ? agents : agents.withDefaultAgent(defaultAgent(agents));
    }

    /** --default-agent must name an agent that can run now; a typo should not wait for the first request. */
    private CodingAgent defaultAgent(AgentConfig agents) {
        CodingAgent agent = AgentConfig.agent("--default-agent", defaultAgent.trim());
        RunnerChoice choice = Wiring.agentChoice(agents, agent);
        if (!choice.available()) {
            throw new IllegalArgumentException("--default-agent " + agent.wire() + ": that agent is not available "
                    + "on this server (" + choice.reason() + "). Install its CLI on the PATH, configure it with "
                    + "--agent-command, or choose another.");
        }
        return agent;
    }
}
