package dev.replicasmcp.domain.automation;

import java.util.List;
import java.util.Set;

/**
 * The fields of a create or an update, as given (wire names in messages). On create, null means "the
 * default"; on update, null means "unchanged" and clear lists the nullable fields to set to null.
 */
public record AutomationInput(
        String name,
        String description,
        List<Triggers.Spec> triggers,
        String prompt,
        String environmentId,
        Boolean enabled,
        String workspaceLifecyclePolicy,
        Integer workspaceAutoStopMinutes,
        String agentProvider,
        String model,
        String thinkingLevel,
        Set<String> clear) {

    /** The fields an update may set to null. */
    public static final Set<String> CLEARABLE =
            Set.of("description", "workspace_auto_stop_minutes", "agent_provider", "model", "thinking_level");

    public AutomationInput {
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }

    public boolean clears(String field) {
        return clear.contains(field);
    }
}
