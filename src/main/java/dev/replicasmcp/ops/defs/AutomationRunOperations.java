package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.automation.Execution;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;
import java.util.Map;

/** Running an automation by hand (spec §4.4 trigger); the custom webhook is a route of its own (no API key). */
public final class AutomationRunOperations {

    private AutomationRunOperations() {}

    public record TriggerAutomationInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Automation id (list_automations)")
            String automationId,

            @JsonPropertyDescription("JSON object embedded in the prompt; \"manual\": true is added")
            Map<String, Object> payload) {}

    /** The run's execution and its replica (null when the run failed before one was made). */
    public record Triggered(String executionId, @Nullable String workspaceId) {}

    public static List<Operation<?, ?>> all() {
        return List.of(Operation.mutating(
                        "trigger_automation",
                        "Trigger an automation",
                        Toolset.AUTOMATIONS,
                        "Run a cron automation now: a fresh replica gets its prompt (and the payload). Returns the "
                                + "execution id and the replica's id; list_automation_executions shows how it ends.",
                        TriggerAutomationInput.class,
                        Triggered.class,
                        (ctx, in) -> {
                            Execution execution =
                                    ctx.services().runs().trigger(ctx.caller(), in.automationId(), in.payload());
                            return new Triggered(execution.id(), execution.workspaceId());
                        })
                .at(Route.post("/v1/automations/{automation_id}/trigger"))
                .audited(new Audit<TriggerAutomationInput, Triggered>(
                        (in, out) -> "automation.triggered",
                        "automation",
                        Audit.Mode.WITH_CHANGE,
                        (in, out) -> in.automationId(),
                        null,
                        (in, out) -> out,
                        Audit.SECRETS)));
    }
}
