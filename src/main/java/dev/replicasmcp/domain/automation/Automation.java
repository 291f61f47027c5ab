package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import java.util.List;
import java.util.Optional;

/**
 * An automation (spec §2.19, §7.1): a prompt run in a fresh replica of one environment whenever one of its
 * triggers fires. webhookToken is the plain token (null without a custom trigger); cron fields are derived
 * from the cron trigger; cronNextFireAt is ISO text like every timestamp, null without a cron trigger.
 * consecutiveFailures counts failed executions in a row, for the circuit breaker.
 */
public record Automation(
        String id,
        String organizationId,
        String name,
        String description,
        List<Trigger> triggers,
        String prompt,
        String environmentId,
        boolean enabled,
        String webhookToken,
        String cronExpression,
        String cronTimezone,
        String cronNextFireAt,
        String createdBy,
        LifecyclePolicy workspaceLifecyclePolicy,
        Integer workspaceAutoStopMinutes,
        CodingAgent agentProvider,
        String model,
        ThinkingLevel thinkingLevel,
        int consecutiveFailures,
        String createdAt,
        String updatedAt) {

    public Automation {
        triggers = List.copyOf(triggers);
    }

    /** The first trigger of this type, if any. */
    public Optional<Trigger> trigger(TriggerType type) {
        return triggers.stream().filter(t -> t.type() == type).findFirst();
    }

    public boolean has(TriggerType type) {
        return trigger(type).isPresent();
    }

    /** The configs of this type, for receivers matching an event against them. */
    public <C extends TriggerConfig> List<C> configs(Class<C> type) {
        return triggers.stream()
                .map(Trigger::config)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
