package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.audit.AuditLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spec §7.6: five failed executions in a row disable the automation (audited as {@code automation.auto_disabled}
 * by the server itself); a completed one resets the count. Call inside the transaction that ends the execution.
 */
final class CircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);
    static final int TRIP_AFTER = 5;

    private final AutomationStore store;
    private final AuditLog audit;
    private final Clock clock;

    CircuitBreaker(AutomationStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    void succeeded(String automationId) {
        store.setConsecutiveFailures(automationId, 0);
    }

    void failed(String automationId) {
        Automation automation = store.findById(automationId).orElse(null);
        if (automation == null) {
            return;
        }
        int failures = automation.consecutiveFailures() + 1;
        store.setConsecutiveFailures(automationId, failures);
        if (failures >= TRIP_AFTER && automation.enabled()) {
            store.disable(automationId, Timestamps.now(clock));
            audit.record(
                    new Caller(automation.organizationId(), null),
                    "automation.auto_disabled",
                    "automation",
                    automationId,
                    "{\"enabled\":true}",
                    "{\"enabled\":false,\"consecutive_failures\":" + failures + "}");
            LOG.warn(
                    "Automation {} failed {} times in a row and is now disabled; fix the cause and enable it again",
                    automationId,
                    failures);
        }
    }
}
