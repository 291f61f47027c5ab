package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.TurnOutcome;
import java.util.List;

/**
 * One turn in one CLI's language: the arguments that start it, the AgentEvents each output line becomes,
 * and how the turn ended. Stateful: one instance per turn.
 */
interface AgentStream {

    /** The arguments after the executable; the prompt is in them unless {@link TurnInput#viaStdin()}. */
    List<String> arguments();

    /** The events one JSON line of output stands for, in order (often one, sometimes none or two). */
    List<AgentEvent> accept(JsonNode line, String timestamp);

    /** The agent session so far (to resume next turn), null before the CLI said it. */
    String threadId();

    /** The outcome once output has ended and the CLI exited; stderr is the end of its error output. */
    TurnOutcome outcome(int exitCode, String stderr);

    /** Why the CLI stopped early, for an outcome without a proper ending. */
    static String stoppedEarly(String agent, int exitCode, String detail) {
        String why = detail == null || detail.isBlank() ? "" : ": " + abbreviate(detail);
        return "The " + agent + " agent stopped before finishing the turn (exit code " + exitCode + ")" + why;
    }

    static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 1_000 ? trimmed : "…" + trimmed.substring(trimmed.length() - 1_000);
    }
}
