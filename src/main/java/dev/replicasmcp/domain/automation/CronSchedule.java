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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A standard 5-field UNIX cron schedule in an IANA time zone (spec §7.2), on cron-utils. Fire times are
 * computed in the zone, so "0 2 * * *" in Europe/Berlin is 02:00 local time in summer and winter alike.
 * A schedule may not fire twice within {@link #MIN_INTERVAL}: {@link #of} checks it from the instant it is
 * given, DST changes of the coming year included.
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

    /**
     * Refuses a schedule with two fire times less than an hour apart. Two minutes in one hour show at once
     * (in the first hour that fires); with one minute, fires are an hour or more apart in local time, and
     * only a DST change can bring two closer (a 30-minute shift, as on Lord Howe Island), so the fires
     * around each change of the coming year are checked one by one. A fire that a DST gap moved does not
     * count: the schedule did not ask for that time, so hourly stays allowed in every zone.
     */
    private void checkInterval(String field, Instant from) {
        Instant first = next(from)
                .orElseThrow(() -> DomainException.invalid("Field '" + field + ".schedule' ('" + expression
                        + "') never fires. Give a schedule that matches a real date."));
        LocalDateTime hour = LocalDateTime.ofInstant(first, zone).truncatedTo(ChronoUnit.HOURS);
        Optional<ZonedDateTime> a = times.nextExecution(hour.minusSeconds(1).atZone(ZoneOffset.UTC));
        Optional<ZonedDateTime> b = a.flatMap(times::nextExecution);
        if (a.isPresent() && b.isPresent() && Duration.between(a.get(), b.get()).compareTo(MIN_INTERVAL) < 0) {
            throw tooOften(
                    field,
                    a.get().toLocalDateTime().toString(),
                    b.get().toLocalDateTime().toString());
        }
        Instant end = from.plus(HORIZON);
        ZoneOffsetTransition change = zone.getRules().nextTransition(from);
        while (change != null && change.getInstant().isBefore(end)) {
            Instant until = change.getInstant().plus(Duration.ofDays(1));
            Instant lastReal = null;
            Optional<Fire> fire = fire(change.getInstant().minus(Duration.ofDays(1)));
            while (fire.isPresent() && fire.get().at().isBefore(until)) {
                Instant at = fire.get().at();
                if (!fire.get().shifted()) {
                    if (lastReal != null && Duration.between(lastReal, at).compareTo(MIN_INTERVAL) < 0) {
                        throw tooOften(field, local(lastReal), local(at));
                    }
                    lastReal = at;
                }
                fire = fire(at);
            }
            change = zone.getRules().nextTransition(change.getInstant());
        }
    }

    private DomainException tooOften(String field, String at, String again) {
        return DomainException.invalid("Field '" + field + ".schedule' ('" + expression + "') fires more often than "
                + "every 60 minutes: at " + at + " and again at " + again + " (" + zone.getId() + "). Automations "
                + "run at most once an hour; use e.g. '0 * * * *' (hourly) or '0 2 * * *' (daily at 02:00).");
    }

    /**
     * The first fire time strictly after the instant. The schedule is matched against local wall-clock time
     * in the zone: a time a DST change skips fires at the same distance after the change (02:30 on a
     * spring-forward night runs at 03:30), and a time a DST change repeats fires once, at its first
     * occurrence. Empty if it never fires again.
     */
    public Optional<Instant> next(Instant after) {
        return fire(after).map(Fire::at);
    }

    /** A fire time, and whether a DST gap moved it from the wall-clock time the schedule names. */
    private record Fire(Instant at, boolean shifted) {}

    private Optional<Fire> fire(Instant after) {
        ZonedDateTime cursor = LocalDateTime.ofInstant(after, zone).atZone(ZoneOffset.UTC);
        for (int step = 0; step < 8; step++) {
            Optional<ZonedDateTime> match = times.nextExecution(cursor);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime wallClock = match.get().toLocalDateTime();
            Instant candidate = ZonedDateTime.ofLocal(wallClock, zone, null).toInstant();
            if (candidate.isAfter(after)) {
                return Optional.of(new Fire(
                        candidate, zone.getRules().getValidOffsets(wallClock).isEmpty()));
            }
            cursor = match.get();
        }
        return Optional.empty();
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
