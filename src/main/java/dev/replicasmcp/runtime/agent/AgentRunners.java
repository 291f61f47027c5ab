package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.domain.agent.AgentCatalog;
import dev.replicasmcp.domain.agent.AgentEventSink;
import dev.replicasmcp.domain.agent.AgentRunner;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.RunnerChoice;
import dev.replicasmcp.domain.agent.TurnOutcome;
import dev.replicasmcp.domain.agent.TurnRequest;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import dev.replicasmcp.runtime.process.ProcessMarker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Picks the runner of each agent, per turn: a command configured for it, else its CLI found on the PATH
 * (claude, codex), else none; the scripted agent answers only its own chats (and agents set to it with
 * --agent-command NAME=scripted, whose chats are recorded as scripted). The choice is made again on every
 * turn, so installing or removing a CLI takes effect without a restart.
 */
public final class AgentRunners implements AgentRunner, AgentCatalog {

    private final AgentConfig config;
    private final ScriptedAgentRunner scripted;
    private final CliAgentRunner cli;

    public AgentRunners(AgentConfig config, Duration turnDelay, Clock clock) {
        this(config, turnDelay, clock, new MarkedProcesses(ProcessMarker.unique()));
    }

    /** processes: how the CLI processes are marked, and ended when a turn ends. */
    public AgentRunners(AgentConfig config, Duration turnDelay, Clock clock, MarkedProcesses processes) {
        this.config = config;
        this.scripted = new ScriptedAgentRunner(turnDelay, clock);
        this.cli = new CliAgentRunner(config, clock, processes);
    }

    @Override
    public RunnerChoice choice(CodingAgent agent) {
        if (agent == CodingAgent.SCRIPTED) {
            return config.scriptedAgent()
                    ? new RunnerChoice(agent, RunnerChoice.SCRIPTED, null, "the built-in scripted agent")
                    : new RunnerChoice(agent, RunnerChoice.NONE, null, "turned off with --no-scripted-agent");
        }
        String configured = config.commands().get(agent);
        if (AgentConfig.SCRIPTED.equals(configured)) {
            return config.scriptedAgent()
                    ? new RunnerChoice(
                            agent,
                            RunnerChoice.SCRIPTED,
                            null,
                            "set to scripted with --agent-command; " + "its chats are recorded as scripted")
                    : new RunnerChoice(
                            agent,
                            RunnerChoice.NONE,
                            null,
                            "set to scripted with --agent-command, but "
                                    + "the scripted agent is turned off with --no-scripted-agent");
        }
        if (AgentConfig.NONE.equals(configured)) {
            return new RunnerChoice(agent, RunnerChoice.NONE, null, "turned off with --agent-command");
        }
        if (configured != null) {
            AgentConfig.CommandSpec spec = AgentConfig.CommandSpec.parse(agent, configured);
            if (spec == null) {
                return new RunnerChoice(
                        agent,
                        RunnerChoice.NONE,
                        configured,
                        "the configured command does not say "
                                + "which output format it prints (prefix it with claude: or codex:)");
            }
            return resolve(spec.command())
                    .map(path ->
                            new RunnerChoice(agent, spec.format(), path.toString(), "configured with --agent-command"))
                    .orElseGet(() -> new RunnerChoice(
                            agent,
                            RunnerChoice.NONE,
                            spec.command(),
                            "the configured " + "command '" + spec.command() + "' is not an executable file"));
        }
        String format = AgentConfig.CommandSpec.ownFormat(agent);
        Optional<Path> installed = format == null ? Optional.empty() : resolve(agent.wire());
        if (installed.isPresent()) {
            return new RunnerChoice(agent, format, installed.get().toString(), "found on the PATH");
        }
        return new RunnerChoice(
                agent,
                RunnerChoice.NONE,
                null,
                format == null
                        ? "no command configured for it"
                        : "no " + agent.wire() + " CLI configured or found on the PATH");
    }

    @Override
    public Optional<CodingAgent> configuredDefault() {
        return Optional.ofNullable(config.defaultAgent());
    }

    /**
     * Runs the turn on its chat's own agent: the scripted agent answers only scripted chats, and a chat of
     * an agent that cannot run (its CLI was removed, or it is now set to scripted) fails its turn.
     */
    @Override
    public TurnOutcome run(TurnRequest request, AgentEventSink sink) throws InterruptedException {
        RunnerChoice choice = choice(request.provider());
        boolean runnable = request.provider() == CodingAgent.SCRIPTED
                ? choice.scripted()
                : choice.available() && !choice.scripted();
        if (!runnable) {
            return TurnOutcome.failed(
                    request.threadId(),
                    "The " + request.provider().wire() + " agent is not " + "available on this server: "
                            + choice.reason() + ".");
        }
        return choice.scripted() ? scripted.run(request, sink) : cli.run(request, sink, choice);
    }

    /** One line per agent, for the log at start: which runner answers it and why. */
    public List<String> describe() {
        return Arrays.stream(CodingAgent.values())
                .map(this::choice)
                .map(c -> c.agent().wire() + " -> " + c.runner() + (c.command() == null ? "" : " " + c.command()) + " ("
                        + c.reason() + ")")
                .toList();
    }

    /** A path is taken as it is; a bare name is looked up on the configured PATH. */
    private Optional<Path> resolve(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path)
                    ? Optional.of(path.toAbsolutePath())
                    : Optional.empty();
        }
        for (String dir : config.searchPath().split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
