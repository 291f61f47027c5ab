package dev.replicasmcp.domain.automation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Automations and their executions. Every method joins the caller's transaction when there is one. The
 * store keeps the webhook token hashed (for {@link #findByWebhookTokenHash}) and encrypted (to show it);
 * {@link WebhookTokens#hash} is the hash it uses.
 */
public interface AutomationStore {

    void insert(Automation automation);

    /** Rewrites every field of the automation but its id, organization, creator and creation time. */
    void update(Automation automation);

    /** Deletes the automation; its executions go with it. False when there was none. */
    boolean delete(String organizationId, String id);

    Optional<Automation> find(String organizationId, String id);

    /** Any organization's automation: for background work that has only the id. */
    Optional<Automation> findById(String id);

    /** Newest first (created_at, then id, descending). */
    List<Automation> page(String organizationId, long offset, int limit);

    int count(String organizationId);

    /** Every automation of the organization, oldest first: for receivers matching an event. */
    List<Automation> all(String organizationId);

    /** The automation whose webhook token has this SHA-256 hash (hex), enabled or not. */
    Optional<Automation> findByWebhookTokenHash(String hash);

    /** Enabled automations whose cron_next_fire_at is at or before nowIso, earliest first. */
    List<Automation> dueCron(String nowIso);

    void setNextFire(String id, String nextFireAtIso);

    void setConsecutiveFailures(String id, int failures);

    /** Sets enabled = false (the circuit breaker); the rest stays. */
    void disable(String id, String updatedAtIso);

    void insertExecution(Execution execution);

    /** Writes status, workspace_id, error and completed_at of the execution. */
    void updateExecution(Execution execution);

    Optional<Execution> findExecution(String id);

    /** Newest first (triggered_at, then id, descending). */
    List<Execution> pageExecutions(String automationId, long offset, int limit);

    int countExecutions(String automationId);

    /** Executions in any of these statuses, oldest first: what a restart must settle. */
    List<Execution> executionsInStatus(Collection<ExecutionStatus> statuses);

    /** Executions of the organization triggered at or after sinceIso (an org-wide rate limit). */
    int countOrganizationExecutionsSince(String organizationId, String sinceIso);

    /** Executions of the automation triggered at or after sinceIso (a per-automation rate limit). */
    int countAutomationExecutionsSince(String automationId, String sinceIso);
}
