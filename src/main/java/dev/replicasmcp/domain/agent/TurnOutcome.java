package dev.replicasmcp.domain.agent;

/**
 * How a turn ended: the session id to resume next time, and whether it completed cleanly. errorRecorded
 * says the runner already streamed the failure as an event (e.g. the agent's own error result), so the
 * engine does not add a second one.
 */
public record TurnOutcome(String threadId, boolean complete, String error, boolean errorRecorded) {

    public static TurnOutcome completed(String threadId) {
        return new TurnOutcome(threadId, true, null, false);
    }

    public static TurnOutcome failed(String threadId, String error) {
        return new TurnOutcome(threadId, false, error, false);
    }

    /** A failure the runner already put in history. */
    public static TurnOutcome failedRecorded(String threadId, String error) {
        return new TurnOutcome(threadId, false, error, true);
    }
}
