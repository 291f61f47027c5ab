package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.agent.AgentEventSink;
import dev.replicasmcp.domain.agent.AgentEvents;
import dev.replicasmcp.domain.agent.AgentRunner;
import dev.replicasmcp.domain.agent.TurnOutcome;
import dev.replicasmcp.domain.agent.TurnRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The built-in, offline agent, which answers only its own (scripted) chats: deterministic answers in
 * Claude Code's event shapes (spec §6.5), saying they come from the scripted agent. After the
 * engine has recorded the user event, it waits the configured turn delay (so queueing can be seen) and
 * answers with one assistant text and a success result. In plan mode it answers with a plan and changes
 * nothing.
 */
final class ScriptedAgentRunner implements AgentRunner {

    static final String THREAD_PREFIX = "scripted-";

    private final Duration turnDelay;
    private final Clock clock;

    ScriptedAgentRunner(Duration turnDelay, Clock clock) {
        this.turnDelay = turnDelay;
        this.clock = clock;
    }

    @Override
    public TurnOutcome run(TurnRequest request, AgentEventSink sink) throws InterruptedException {
        String threadId = request.threadId() != null ? request.threadId() : THREAD_PREFIX + UUID.randomUUID();
        if (!turnDelay.isZero()) {
            Thread.sleep(turnDelay.toMillis());
        }
        sink.emit(AgentEvents.assistantText(request.provider(), now(), answer(request)));
        sink.emit(AgentEvents.result(request.provider(), now(), threadId, true, null));
        return TurnOutcome.completed(threadId);
    }

    static String answer(TurnRequest request) {
        String quoted = request.text().length() > 500 ? request.text().substring(0, 500) + "…" : request.text();
        if (request.planMode()) {
            return "## Plan\n\n1. Read the code involved in: " + quoted + "\n2. Propose the change and its tests."
                    + "\n3. Wait for your go-ahead before editing anything.\n\n(Plan mode: no files were changed.)";
        }
        String model = request.model() == null ? "" : " (model " + request.model() + ")";
        return "Scripted agent" + model + " received: " + quoted;
    }

    private String now() {
        return Timestamps.now(clock);
    }
}
