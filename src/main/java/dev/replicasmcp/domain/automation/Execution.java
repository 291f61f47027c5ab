package dev.replicasmcp.domain.automation;

import java.util.Map;

/**
 * One firing of an automation (spec §2.19). triggerPayload is a JSON object as plain values (Map, List,
 * String, Number, Boolean, null), in its field order; storage keeps it as JSON text. workspaceId is the
 * replica's id once known; error and completedAt are set on both terminal states.
 */
public record Execution(
        String id,
        String automationId,
        String organizationId,
        String workspaceId,
        String triggeredAt,
        Map<String, Object> triggerPayload,
        ExecutionStatus status,
        String error,
        String completedAt) {

    /** The same execution moved to another status, with what is known by then. */
    public Execution with(ExecutionStatus next, String workspace, String failure, String completed) {
        return new Execution(
                id, automationId, organizationId, workspace, triggeredAt, triggerPayload, next, failure, completed);
    }
}
