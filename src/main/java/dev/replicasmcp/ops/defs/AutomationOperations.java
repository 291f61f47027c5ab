package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.api.AutomationView;
import dev.replicasmcp.api.ExecutionView;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.automation.AutomationInput;
import dev.replicasmcp.domain.automation.ListPage;
import dev.replicasmcp.domain.automation.TriggerType;
import dev.replicasmcp.domain.automation.Triggers;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Automations: a prompt run in a fresh replica when a schedule, a webhook or an event fires (spec §7). */
public final class AutomationOperations {

    static final Toolset TOOLSET = Toolset.AUTOMATIONS;
    private static final String ID = "Automation id (list_automations)";
    private static final String CONFIG = "cron: {schedule: 5-field cron, timezone: IANA, default UTC}; github: "
            + "{event: pull_request.opened|synchronize|merged|closed|command, repository_ids, group_pr_events, "
            + "excluded_actors}; slack: {event: message, channel_ids, group_thread_replies}; sentry: {event: "
            + "issue.created|error.created|event_alert.triggered, project_slugs, min_level}; custom: {}";
    private static final String POLICY = "default, archive_when_done, sleep_when_done or delete_after_inactivity";

    private AutomationOperations() {}

    public record TriggerInput(
            @JsonProperty(required = true) @AllowedValues(TriggerType.class)
            String type,

            @JsonProperty(required = true) @JsonPropertyDescription(CONFIG)
            Map<String, Object> config) {}

    public record CreateAutomationInput(
            @JsonProperty(required = true) String name,
            String description,

            @JsonProperty(required = true) @JsonPropertyDescription("At most one cron, one custom, one per event")
            List<TriggerInput> triggers,

            @JsonProperty(required = true) @JsonPropertyDescription("What the agent is asked to do on each run")
            String prompt,

            @JsonProperty(required = true) @JsonPropertyDescription("Environment id (list_environments)")
            String environmentId,

            @JsonPropertyDescription("Default true") Boolean enabled,
            @JsonPropertyDescription(POLICY) String workspaceLifecyclePolicy,
            @JsonPropertyDescription("3–1440") Integer workspaceAutoStopMinutes,
            @AllowedValues(CodingAgent.class) String agentProvider,
            @JsonPropertyDescription("Needs agent_provider") String model,
            @AllowedValues(ThinkingLevel.class) String thinkingLevel) {}

    public record UpdateAutomationInput(
            @JsonProperty(required = true) @JsonPropertyDescription(ID)
            String automationId,

            String name,
            String description,

            @JsonPropertyDescription("Replaces all triggers")
            List<TriggerInput> triggers,

            String prompt,
            String environmentId,

            @JsonPropertyDescription("Enabling resets the failure count")
            Boolean enabled,

            @JsonPropertyDescription(POLICY) String workspaceLifecyclePolicy,
            Integer workspaceAutoStopMinutes,
            @AllowedValues(CodingAgent.class) String agentProvider,
            String model,
            @AllowedValues(ThinkingLevel.class) String thinkingLevel,

            @JsonPropertyDescription("Fields to set to null: description, workspace_auto_stop_minutes, "
                    + "agent_provider, model, thinking_level")
            Set<String> clear) {}

    public record AutomationIdInput(
            @JsonProperty(required = true) @JsonPropertyDescription(ID)
            String automationId) {}

    public record ListAutomationsInput(
            @JsonPropertyDescription("From 1 (default 1)") Integer page,
            @JsonPropertyDescription("1–100 (default 20)") Integer limit) {}

    public record ListExecutionsInput(
            @JsonProperty(required = true) @JsonPropertyDescription(ID)
            String automationId,

            @JsonPropertyDescription("From 1 (default 1)") Integer page,
            @JsonPropertyDescription("1–100 (default 20)") Integer limit) {}

    public record AutomationBody(AutomationView automation) {}

    /** totalPages is camelCase in the reference's wrappers of these two lists (unlike replicas' total_pages). */
    public record AutomationList(
            List<AutomationView> automations,
            int total,
            int page,
            int limit,
            @JsonProperty("totalPages") int totalPages) {}

    public record ExecutionList(
            List<ExecutionView> executions,
            int total,
            int page,
            int limit,
            @JsonProperty("totalPages") int totalPages) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.readOnly(
                                "list_automations",
                                "List automations",
                                TOOLSET,
                                "List automations, newest first, with triggers, next cron run and webhook token.",
                                ListAutomationsInput.class,
                                AutomationList.class,
                                (ctx, in) -> automations(
                                        ctx.services().automations().list(ctx.caller(), in.page(), in.limit())))
                        .at(Route.get("/v1/automations")),
                Operation.mutating(
                                "create_automation",
                                "Create an automation",
                                TOOLSET,
                                "Create an automation: a prompt run in a new replica of an environment on a cron "
                                        + "schedule (at most hourly), a custom webhook, or GitHub, Slack or Sentry "
                                        + "events.",
                                CreateAutomationInput.class,
                                AutomationBody.class,
                                (ctx, in) -> body(ctx.services().automations().create(ctx.caller(), create(in))))
                        .at(Route.post("/v1/automations").created())
                        .audited(Audit.created(
                                "automation", (in, out) -> out.automation().id())),
                Operation.readOnly(
                                "get_automation",
                                "Get an automation",
                                TOOLSET,
                                "Read one automation: triggers, next cron run, webhook token, failure count.",
                                AutomationIdInput.class,
                                AutomationBody.class,
                                (ctx, in) -> automation(ctx, in.automationId()))
                        .at(Route.get("/v1/automations/{automation_id}")),
                Operation.mutating(
                                "update_automation",
                                "Update an automation",
                                TOOLSET,
                                "Change an automation; only the fields given change, triggers replace the whole list. "
                                        + "The webhook token stays while a custom trigger remains.",
                                UpdateAutomationInput.class,
                                AutomationBody.class,
                                (ctx, in) -> body(ctx.services()
                                        .automations()
                                        .update(ctx.caller(), in.automationId(), update(in))))
                        .at(Route.patch("/v1/automations/{automation_id}").body(AutomationOperations::nullsClear))
                        .audited(Audit.updated(
                                "automation",
                                (in, out) -> out.automation().id(),
                                (ctx, in) -> automation(ctx, in.automationId()))),
                Operation.destructive(
                                "delete_automation",
                                "Delete an automation",
                                TOOLSET,
                                "Delete an automation and its execution records; the replicas it made stay.",
                                AutomationIdInput.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services().automations().delete(ctx.caller(), in.automationId());
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/automations/{automation_id}"))
                        .audited(Audit.<AutomationIdInput, Success>deleted(
                                "automation",
                                (in, out) -> in.automationId(),
                                (ctx, in) -> automation(ctx, in.automationId()))),
                Operation.readOnly(
                                "list_automation_executions",
                                "List an automation's executions",
                                TOOLSET,
                                "List an automation's runs, newest first: status, replica, payload, error.",
                                ListExecutionsInput.class,
                                ExecutionList.class,
                                (ctx, in) -> executions(ctx.services()
                                        .automations()
                                        .listExecutions(ctx.caller(), in.automationId(), in.page(), in.limit())))
                        .at(Route.get("/v1/automations/{automation_id}/executions")));
    }

    static AutomationBody automation(OperationContext ctx, String id) {
        return body(ctx.services().automations().get(ctx.caller(), id));
    }

    private static AutomationBody body(dev.replicasmcp.domain.automation.Automation a) {
        return new AutomationBody(AutomationView.of(a));
    }

    private static AutomationInput create(CreateAutomationInput in) {
        return new AutomationInput(
                in.name(),
                in.description(),
                specs(in.triggers()),
                in.prompt(),
                in.environmentId(),
                in.enabled(),
                in.workspaceLifecyclePolicy(),
                in.workspaceAutoStopMinutes(),
                in.agentProvider(),
                in.model(),
                in.thinkingLevel(),
                null);
    }

    private static AutomationInput update(UpdateAutomationInput in) {
        return new AutomationInput(
                in.name(),
                in.description(),
                specs(in.triggers()),
                in.prompt(),
                in.environmentId(),
                in.enabled(),
                in.workspaceLifecyclePolicy(),
                in.workspaceAutoStopMinutes(),
                in.agentProvider(),
                in.model(),
                in.thinkingLevel(),
                in.clear());
    }

    private static List<Triggers.Spec> specs(List<TriggerInput> triggers) {
        return triggers == null
                ? null
                : triggers.stream()
                        .map(t -> t == null ? null : new Triggers.Spec(t.type(), t.config()))
                        .toList();
    }

    private static AutomationList automations(ListPage<dev.replicasmcp.domain.automation.Automation> page) {
        return new AutomationList(
                page.items().stream().map(AutomationView::of).toList(),
                page.total(),
                page.page(),
                page.limit(),
                page.totalPages());
    }

    private static ExecutionList executions(ListPage<dev.replicasmcp.domain.automation.Execution> page) {
        return new ExecutionList(
                page.items().stream().map(ExecutionView::of).toList(),
                page.total(),
                page.page(),
                page.limit(),
                page.totalPages());
    }

    /** The REST form of update_automation: a nullable field sent as JSON null is cleared. */
    static Map<String, Object> nullsClear(Map<String, Object> body) {
        return NullsClear.reshape(
                body, AutomationInput.CLEARABLE, Set.of("name", "prompt", "triggers", "environment_id"));
    }
}
