package dev.replicasmcp.domain.agent;

/**
 * Runs one turn of a coding agent. Called on a background thread, one turn per chat at a time; it
 * blocks until the turn ends and streams every event to the sink as it arrives. An interrupted
 * thread means the turn was cancelled (chat or replica deleted): stop and throw InterruptedException.
 */
public interface AgentRunner {

    TurnOutcome run(TurnRequest request, AgentEventSink sink) throws InterruptedException;
}
