package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two ways a caller starts a run: a manual trigger of a cron automation (spec §4.4 trigger) and a POST to
 * a custom webhook URL (§4.4 webhook, §7.5). Both hand the run to the {@link ExecutionRunner}.
 */
public final class AutomationRuns {

    /** The one answer for an unknown token, a disabled automation and a missing custom trigger (§7.5). */
    public static final String UNKNOWN_WEBHOOK = "No automation webhook at this URL.";

    private final AutomationStore store;
    private final ExecutionRunner runner;

    public AutomationRuns(AutomationStore store, ExecutionRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    /**
     * Runs a cron automation now; the payload (or {}) gets {"manual": true}. Answers once the replica exists:
     * the execution is creating with its workspace id, or failed (a limit, or the replica could not be made).
     */
    public Execution trigger(Caller caller, String automationId, Map<String, Object> payload) {
        String id = Validation.required("automation_id", automationId).trim();
        Automation automation = store.find(caller.organizationId(), id)
                .orElseThrow(() -> DomainException.notFound("Automation " + id + " was not found. "
                        + "list_automations shows the automations of this organization."));
        if (!automation.has(TriggerType.CRON)) {
            throw DomainException.invalid("Automation " + id + " has no cron trigger; only automations with a "
                    + "cron trigger can be triggered manually. Custom webhook automations run through their "
                    + "webhook URL, event automations when their event arrives.");
        }
        if (!automation.enabled()) {
            throw DomainException.invalid("Automation " + id + " is disabled; enable it with update_automation "
                    + "(enabled: true), then trigger it.");
        }
        Map<String, Object> marked = new LinkedHashMap<>(payload == null ? Map.of() : payload);
        marked.remove("manual");
        marked.put("manual", true);
        return runner.fire(automation, marked, ExecutionRunner.Firing.MANUAL);
    }

    /**
     * Runs the automation whose custom webhook has this token, with the posted payload; the run goes on in
     * the background. An unknown token, a disabled automation and one without a custom trigger give the same
     * 404.
     */
    public Execution webhook(String token, Map<String, Object> payload) {
        Automation automation = find(token).orElseThrow(() -> DomainException.notFound(UNKNOWN_WEBHOOK));
        try {
            return runner.fire(automation, payload, ExecutionRunner.Firing.WEBHOOK);
        } catch (DomainException e) {
            // Disabled or deleted between the lookup and the run: still nothing to tell apart.
            throw DomainException.notFound(UNKNOWN_WEBHOOK);
        }
    }

    /**
     * For the event receivers (GitHub, Slack, Sentry): runs a matched automation with the event's summary as
     * its payload. A disabled automation is refused (400); callers match enabled ones only.
     */
    public Execution event(Automation automation, Map<String, Object> payload) {
        return runner.fire(automation, payload, ExecutionRunner.Firing.EVENT);
    }

    /** By the token's hash; the hashes are then compared in constant time, never the token's text. */
    private Optional<Automation> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = WebhookTokens.hash(token);
        return store.findByWebhookTokenHash(hash)
                .filter(a -> a.webhookToken() != null
                        && MessageDigest.isEqual(
                                hash.getBytes(StandardCharsets.US_ASCII),
                                WebhookTokens.hash(a.webhookToken()).getBytes(StandardCharsets.US_ASCII)))
                .filter(Automation::enabled)
                .filter(a -> a.has(TriggerType.CUSTOM));
    }
}
