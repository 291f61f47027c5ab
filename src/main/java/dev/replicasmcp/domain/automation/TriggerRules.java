package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.automation.TriggerConfig.CronConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules across an automation's triggers (spec §4.4, §7.2): at least one, at most one cron, at most
 * one custom, at most one per (type, event); a cron schedule that parses, in a real zone, at most hourly.
 */
final class TriggerRules {

    static final int MAX_TRIGGERS = 20;

    private TriggerRules() {}

    /** The parsed, checked triggers. now: where the cron interval check starts. */
    static List<Trigger> check(List<Triggers.Spec> specs, Instant now) {
        if (specs == null || specs.isEmpty()) {
            throw DomainException.invalid("Field 'triggers' needs at least one trigger, e.g. "
                    + "[{\"type\": \"cron\", \"config\": {\"schedule\": \"0 2 * * *\", \"timezone\": \"UTC\"}}] or "
                    + "[{\"type\": \"custom\", \"config\": {}}].");
        }
        if (specs.size() > MAX_TRIGGERS) {
            throw DomainException.invalid(
                    "Field 'triggers' has " + specs.size() + " triggers; at most " + MAX_TRIGGERS + ".");
        }
        List<Trigger> triggers = Triggers.parse(specs);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            Trigger t = triggers.get(i);
            String key = t.type().wire()
                    + (t.config().event() == null ? "" : " " + t.config().event());
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                throw DomainException.invalid(duplicate(i, first, t));
            }
            if (t.config() instanceof CronConfig cron) {
                CronSchedule.of("triggers[" + i + "].config", cron.schedule(), cron.timezone(), now);
            }
        }
        return triggers;
    }

    private static String duplicate(int index, int first, Trigger t) {
        String field = "Field 'triggers[" + index + "]'";
        return switch (t.type()) {
            case CRON ->
                field + " is a second cron trigger (the first is triggers[" + first + "]). An automation has "
                        + "at most one schedule: combine them into one cron expression or make another automation.";
            case CUSTOM ->
                field + " is a second custom trigger (the first is triggers[" + first + "]). One custom "
                        + "trigger gives the automation its webhook URL; remove this one.";
            default ->
                field + " repeats the " + t.type().wire() + " event '"
                        + t.config().event() + "' of triggers[" + first
                        + "]. At most one trigger per type and event: merge their filters into one.";
        };
    }
}
