package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.WireName;
import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.Triggers;
import java.util.List;
import java.util.Map;

/**
 * An automation as the reference's AutomationRecord shows it (spec §2.19). Fields of later features this
 * server does not have (personal scope, debounce, size, workspace config, plan/goal/fast modes) are present
 * with their neutral values, as the record requires them.
 */
public record AutomationView(
        String id,
        String organizationId,
        String name,
        @Nullable String description,

        @JsonPropertyDescription("[{type, config}]") List<Map<String, Object>> triggers,

        String prompt,

        @Nullable @JsonPropertyDescription("Always null here")
        Integer debounceSeconds,

        String environmentId,
        boolean enabled,

        @Nullable @JsonPropertyDescription("Always null here")
        String userId,

        @Nullable @JsonPropertyDescription("With a custom trigger: POST /v1/automations/webhook/{webhook_token}")
        String webhookToken,

        @Nullable String cronExpression,
        @Nullable String cronTimezone,
        @Nullable String cronNextFireAt,
        @Nullable String createdBy,
        String workspaceLifecyclePolicy,
        @Nullable Integer workspaceAutoStopMinutes,

        @Nullable @JsonPropertyDescription("Always null here")
        String workspaceSize,

        @JsonPropertyDescription("Always {} here") Map<String, Object> config,
        @Nullable String agentProvider,
        @Nullable String model,
        @Nullable String thinkingLevel,
        @JsonPropertyDescription("Always false here") boolean planMode,

        @Nullable @JsonPropertyDescription("Always null here")
        Boolean goalMode,

        @Nullable @JsonPropertyDescription("Always null here")
        Boolean fastMode,

        @JsonPropertyDescription("Failed executions in a row; 5 disable the automation")
        int consecutiveFailures,

        String createdAt,
        String updatedAt) {

    public static AutomationView of(Automation a) {
        return new AutomationView(
                a.id(),
                a.organizationId(),
                a.name(),
                a.description(),
                Triggers.toFields(a.triggers()),
                a.prompt(),
                null,
                a.environmentId(),
                a.enabled(),
                null,
                a.webhookToken(),
                a.cronExpression(),
                a.cronTimezone(),
                a.cronNextFireAt(),
                a.createdBy(),
                a.workspaceLifecyclePolicy().wire(),
                a.workspaceAutoStopMinutes(),
                null,
                Map.of(),
                wire(a.agentProvider()),
                a.model(),
                wire(a.thinkingLevel()),
                false,
                null,
                null,
                a.consecutiveFailures(),
                a.createdAt(),
                a.updatedAt());
    }

    private static String wire(WireName value) {
        return value == null ? null : value.wire();
    }
}
