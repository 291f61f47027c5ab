package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.automation.Execution;
import java.util.Map;

/** One execution of an automation, as the reference's AutomationExecutionRecord (spec §2.19). */
public record ExecutionView(
        String id,
        String automationId,
        String organizationId,

        @Nullable @JsonPropertyDescription("The replica it created, once known")
        String workspaceId,

        String triggeredAt,
        Map<String, Object> triggerPayload,

        @JsonPropertyDescription("pending, creating, running, completed or failed")
        String status,

        @JsonPropertyDescription("Always {} here") Map<String, Object> config,
        @Nullable String error,
        @Nullable String completedAt) {

    public static ExecutionView of(Execution e) {
        return new ExecutionView(
                e.id(),
                e.automationId(),
                e.organizationId(),
                e.workspaceId(),
                e.triggeredAt(),
                e.triggerPayload(),
                e.status().wire(),
                Map.of(),
                e.error(),
                e.completedAt());
    }
}
