package dev.replicasmcp.domain.automation;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A standard 5-field UNIX cron schedule in an IANA time zone (spec §7.2), on cron-utils. Fire times are
 * computed in the zone, so "0 2 * * *" in Europe/Berlin is 02:00 local time in summer and winter alike.
 * A schedule may not fire twice within {@link #MIN_INTERVAL}: {@link #of} checks every pair of consecutive
 * fire times over a year (in the zone, DST changes included) from the instant it is given.
 */
public final class CronSchedule {

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(60);
    private static final Duration HORIZON = Duration.ofDays(366);
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * The schedule, checked: field names the trigger (e.g. `triggers[0].config`) for the messages; from is
     * where the interval check starts (now).
     */
    public static CronSchedule of(String field, String expression, String timezone, Instant from) {
        CronSchedule schedule = parse(field, expression, timezone);
        schedule.checkInterval(field, from);
        return schedule;
    }

    /** Parses without the interval check: for schedules already stored. */
    public static CronSchedule parse(String field, String expression, String timezone) {
        ZoneId zone = zone(field + ".timezone", timezone);
        String text = Validation.required(field + ".schedule", expression).trim();
        if (text.split("\\s+").length != 5) {
            throw DomainException.invalid("Field '" + field + ".schedule' must be a standard 5-field cron expression "
                    + "(minute hour day-of-month month day-of-week), e.g. '0 2 * * *' for 02:00 every day; got '"
                    + Validation.abbreviate(text, 60) + "'.");
        }
        Cron cron;
        try {
            cron = PARSER.parse(text);
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Field '" + field + ".schedule' is not a valid cron expression ('"
                    + Validation.abbreviate(text, 60) + "'): "
                    + Validation.abbreviate(String.valueOf(e.getMessage()), 200)
                    + ". Use 5 fields: minute hour day-of-month month day-of-week, e.g. '0 2 * * *'.");
        }
        return new CronSchedule(text, zone, ExecutionTime.forCron(cron));
    }

    private static ZoneId zone(String field, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (DateTimeException e) {
            throw DomainException.invalid("Field '" + field + "' is not an IANA time zone: '"
                    + Validation.abbreviate(timezone, 60) + "'. Use a name like 'UTC', 'Europe/Berlin' or "
                    + "'America/New_York'.");
        }
    }

    private void checkInterval(String field, Instant from) {
        Instant end = from.plus(HORIZON);
        Instant previous = next(from)
                .orElseThrow(() -> DomainException.invalid("Field '" + field + ".schedule' ('" + expression
                        + "') never fires. Give a schedule that matches a real date."));
        while (previous.isBefore(end)) {
            Optional<Instant> following = next(previous);
            if (following.isEmpty()) {
                return;
            }
            if (Duration.between(previous, following.get()).compareTo(MIN_INTERVAL) < 0) {
                throw DomainException.invalid("Field '" + field + ".schedule' ('" + expression + "') fires more often "
                        + "than every 60 minutes: at " + local(previous) + " and again at " + local(following.get())
                        + " (" + zone.getId() + "). Automations run at most once an hour; use e.g. '0 * * * *' "
                        + "(hourly) or '0 2 * * *' (daily at 02:00).");
            }
            previous = following.get();
        }
    }

    /** The first fire time strictly after the instant, computed in the zone; empty if it never fires again. */
    public Optional<Instant> next(Instant after) {
        return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    private String local(Instant instant) {
        return ZonedDateTime.ofInstant(instant, zone).toOffsetDateTime().toString();
    }
}
