package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires cron automations (spec §7.3 step 5) on the injected clock: each {@link #pass} fires every enabled
 * automation whose next fire time has come, once, and stores the next fire time after now. A slot (or several)
 * missed while the server was down therefore fires once at the first pass after start, never once per slot.
 */
public final class CronScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);

    private final AutomationStore store;
    private final ExecutionRunner runner;
    private final Clock clock;

    public CronScheduler(AutomationStore store, ExecutionRunner runner, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
    }

    /** One pass; safe to call at any time (tests call it after moving the clock). */
    public synchronized void pass() {
        Instant now = clock.instant();
        try {
            for (Automation automation : store.dueCron(Timestamps.format(now))) {
                fire(automation, now);
            }
        } catch (RuntimeException e) {
            LOG.error("Cron pass failed: {}", e.toString());
        }
    }

    private void fire(Automation automation, Instant now) {
        String slot = automation.cronNextFireAt();
        // The next time is stored first: whatever happens to this run, the slot is not fired again.
        store.setNextFire(automation.id(), nextAfter(automation, now));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "cron");
        payload.put("schedule", automation.cronExpression());
        payload.put("timezone", automation.cronTimezone());
        payload.put("scheduled_at", slot);
        try {
            runner.fire(automation, payload, ExecutionRunner.Firing.CRON);
        } catch (DomainException e) {
            // Disabled or deleted since the query: nothing to run.
            LOG.info("Automation {} not fired: {}", automation.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Automation {} could not be fired", automation.id(), e);
        }
    }

    private String nextAfter(Automation automation, Instant now) {
        try {
            return CronSchedule.parse("cron", automation.cronExpression(), automation.cronTimezone())
                    .next(now)
                    .map(Timestamps::format)
                    .orElse(null);
        } catch (DomainException e) {
            LOG.warn("Automation {} has a schedule that no longer parses: {}", automation.id(), e.getMessage());
            return null;
        }
    }
}
