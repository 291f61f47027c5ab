package dev.replicasmcp.domain.agent;

/** How a turn ended: the session id to resume next time, and whether it completed cleanly. */
public record TurnOutcome(String threadId, boolean complete, String error) {

    public static TurnOutcome completed(String threadId) {
        return new TurnOutcome(threadId, true, null);
    }

    public static TurnOutcome failed(String threadId, String error) {
        return new TurnOutcome(threadId, false, error);
    }
}
