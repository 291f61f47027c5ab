package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.AgentEventSink;
import dev.replicasmcp.domain.agent.RunnerChoice;
import dev.replicasmcp.domain.agent.TurnOutcome;
import dev.replicasmcp.domain.agent.TurnRequest;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import dev.replicasmcp.runtime.process.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one turn of an agent CLI in the replica's workspace and streams its output into events line by
 * line, as it arrives. A turn that runs past its time limit, or prints nothing for too long, is stopped.
 * Whatever happens (end of output, an error, a limit, the turn being interrupted) the CLI's whole
 * process tree is gone when run returns, and so is every process marked with its chat (see
 * {@link MarkedProcesses}). Secrets are masked in everything read from the CLI.
 */
final class CliAgentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CliAgentRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentConfig config;
    private final Clock clock;
    private final MarkedProcesses processes;

    CliAgentRunner(AgentConfig config, Clock clock, MarkedProcesses processes) {
        this.config = config;
        this.clock = clock;
        this.processes = processes;
    }

    TurnOutcome run(TurnRequest request, AgentEventSink sink, RunnerChoice choice) throws InterruptedException {
        String agent = request.provider().wire();
        Path home = request.context().workspace();
        if (home == null || !Files.isDirectory(home)) {
            return TurnOutcome.failed(
                    request.threadId(),
                    "The " + agent + " agent cannot start: the replica has no " + "workspace folder"
                            + (home == null ? "." : " (" + home + " is gone)."));
        }
        Redactor redactor = new Redactor(AgentEnvironment.secrets(request.context()));
        AgentStream stream;
        AgentProcess process;
        try {
            TurnInput prepared = TurnInput.prepare(request, home);
            boolean codex = choice.runner().equals(AgentConfig.CommandSpec.CODEX_FORMAT);
            // Codex exec has no system-prompt flag: a new thread starts with the instructions in its first prompt.
            TurnInput input = codex ? prepared.withInstructionsOnNewThread() : prepared;
            stream = codex ? new CodexStream(input) : new ClaudeStream(input, config.claudePermissionMode());
            List<String> command = new ArrayList<>(List.of(choice.command()));
            command.addAll(stream.arguments());
            Map<String, String> env = AgentEnvironment.build(config.searchPath(), home, request.context());
            env.putAll(processes.marker().env(home, request.replicaId(), request.chatId()));
            LOG.info("Turn of chat {} runs {} in {}", request.chatId(), choice.command(), input.cwd());
            process = AgentProcess.start(command, input.cwd(), env, input.viaStdin() ? input.prompt() : null);
        } catch (IOException e) {
            return TurnOutcome.failed(
                    request.threadId(),
                    "The " + agent + " agent could not be started (" + choice.command() + "): "
                            + redactor.apply(String.valueOf(e.getMessage())));
        }
        try {
            AgentConfig.TurnLimits limits = config.limits();
            long turnEnds = System.nanoTime() + limits.turnTimeout().toNanos();
            String line;
            while (true) {
                long silenceEnds = System.nanoTime() + limits.silence().toNanos();
                line = process.nextLine(silenceEnds - turnEnds < 0 ? silenceEnds : turnEnds);
                if (line == null) {
                    break;
                }
                if (line == AgentProcess.NO_LINE_IN_TIME) {
                    boolean overall = System.nanoTime() - turnEnds >= 0;
                    String limit = overall
                            ? TurnStop.timeout(agent, limits.turnTimeout())
                            : TurnStop.silence(agent, limits.silence());
                    LOG.warn("Turn of chat {} stopped: {}", request.chatId(), limit);
                    return TurnOutcome.failed(stream.threadId(), limit);
                }
                // Masked on the raw line and again in the decoded strings, where escapes no longer hide a secret.
                JsonNode node = redactor.apply(parse(redactor.apply(line)));
                if (node != null) {
                    for (AgentEvent event : stream.accept(node, Timestamps.now(clock))) {
                        sink.emit(event);
                    }
                }
            }
            int exitCode = process.waitFor();
            return stream.outcome(exitCode, redactor.apply(process.stderrTail()));
        } finally {
            process.kill();
            // What the agent started outside its process group (setsid, a daemon) still carries the chat.
            processes.killChat(request.chatId());
        }
    }

    /** Lines that are not JSON objects (a banner, a warning) are not events. */
    private static JsonNode parse(String line) {
        if (line.isBlank() || line.charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            LOG.debug("Skipped agent output that is not JSON ({} characters)", line.length());
            return null;
        }
    }
}
