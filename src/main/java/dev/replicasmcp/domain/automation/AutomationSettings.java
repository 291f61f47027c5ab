package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ModelName;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.replica.LifecyclePolicy;

/**
 * The workspace and agent settings of an automation, checked together because they depend on each other
 * (a model needs an agent; a thinking level must suit the agent).
 */
record AutomationSettings(
        LifecyclePolicy policy, Integer autoStopMinutes, CodingAgent agent, String model, ThinkingLevel thinking) {

    static final int MIN_AUTO_STOP = 3;
    static final int MAX_AUTO_STOP = 1440;

    /** The settings an input makes, over the current ones (null on create). */
    static AutomationSettings of(AutomationInput in, Automation current) {
        LifecyclePolicy policy = in.workspaceLifecyclePolicy() != null
                ? policy(in.workspaceLifecyclePolicy())
                : current == null ? LifecyclePolicy.DEFAULT : current.workspaceLifecyclePolicy();
        Integer autoStop = in.clears("workspace_auto_stop_minutes")
                ? null
                : in.workspaceAutoStopMinutes() != null
                        ? autoStop(in.workspaceAutoStopMinutes())
                        : current == null ? null : current.workspaceAutoStopMinutes();
        CodingAgent agent = in.clears("agent_provider")
                ? null
                : in.agentProvider() != null
                        ? CodingAgent.parse("agent_provider", in.agentProvider())
                        : current == null ? null : current.agentProvider();
        String model = in.clears("model")
                ? null
                : in.model() != null
                        ? ModelName.validated("model", in.model())
                        : current == null ? null : current.model();
        ThinkingLevel thinking = in.clears("thinking_level")
                ? null
                : in.thinkingLevel() != null
                        ? ThinkingLevel.parse("thinking_level", in.thinkingLevel())
                        : current == null ? null : current.thinkingLevel();
        if (model != null && agent == null) {
            throw DomainException.invalid("Field 'model' requires 'agent_provider': a model name belongs to one "
                    + "agent. Set agent_provider (e.g. 'claude' or 'codex') too, or leave model out.");
        }
        if (thinking != null && agent != null) {
            MessageService.checkThinking(thinking, agent);
        }
        return new AutomationSettings(policy, autoStop, agent, model, thinking);
    }

    private static LifecyclePolicy policy(String value) {
        LifecyclePolicy policy = LifecyclePolicy.parse("workspace_lifecycle_policy", Validation.noNul("x", value));
        if (policy == LifecyclePolicy.DELETE_WHEN_DONE) {
            throw DomainException.invalid("Field 'workspace_lifecycle_policy': delete_when_done is not offered for "
                    + "automations (their workspaces are kept for review). Use one of: default, archive_when_done, "
                    + "sleep_when_done, delete_after_inactivity.");
        }
        return policy;
    }

    private static Integer autoStop(int minutes) {
        if (minutes < MIN_AUTO_STOP || minutes > MAX_AUTO_STOP) {
            throw DomainException.invalid("Field 'workspace_auto_stop_minutes' must be between " + MIN_AUTO_STOP
                    + " and " + MAX_AUTO_STOP + " (minutes); got " + minutes + ". Leave it out for the default "
                    + "of 60.");
        }
        return minutes;
    }
}
