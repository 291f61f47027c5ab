package dev.replicasmcp.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.support.Fails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fire times in a zone across DST changes and day, month and year boundaries, and the hourly minimum. */
class CronScheduleTest {

    static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    static List<String> fires(String cron, String zone, String from, int count) {
        CronSchedule schedule = CronSchedule.of("triggers[0].config", cron, zone, Instant.parse(from));
        List<String> fires = new ArrayList<>();
        Instant at = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            at = schedule.next(at).orElseThrow();
            fires.add(at.toString());
        }
        return fires;
    }

    @Test
    void dailyAtTwoInBerlinRunsAtTwoLocalTimeAndOnceOnBothDstNights() {
        // Spring forward, 29 March 2026: 02:00 CET does not exist; the run moves to 03:00 CEST.
        assertThat(fires("0 2 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", 4))
                .containsExactly(
                        "2026-03-28T01:00:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z");
        // Fall back, 25 October 2026: 02:30 happens twice; the run is once, at the first.
        assertThat(fires("30 2 * * *", "Europe/Berlin", "2026-10-23T12:00:00Z", 4))
                .containsExactly(
                        "2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z", "2026-10-27T01:30:00Z");
    }

    @Test
    void anInstantBetweenTheTwoPassesOfARepeatedHourDoesNotFireItAgain() {
        CronSchedule schedule = CronSchedule.parse("t", "30 2 * * *", "Europe/Berlin");
        // 01:15Z is 02:15 CET, in the second pass: the 02:30 of this night already ran at 00:30Z.
        assertThat(schedule.next(Instant.parse("2026-10-25T01:15:00Z")))
                .contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlyAcrossBothDstChangesNeverFiresTwiceInAnHour() {
        assertThat(fires("0 * * * *", "Europe/Berlin", "2026-03-29T00:30:00Z", 3))
                .containsExactly("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z", "2026-03-29T03:00:00Z");
        assertThat(fires("0 * * * *", "Europe/Berlin", "2026-10-24T23:30:00Z", 3))
                .containsExactly("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z");
    }

    @Test
    void dayMonthAndYearBoundaries() {
        assertThat(fires("0 9 * * 1-5", "UTC", "2026-01-02T10:00:00Z", 2)) // Friday after 9 → Monday, Tuesday
                .containsExactly("2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z");
        assertThat(fires("0 0 1 * *", "America/New_York", "2026-01-15T00:00:00Z", 2))
                .containsExactly("2026-02-01T05:00:00Z", "2026-03-01T05:00:00Z");
        assertThat(fires("59 23 31 12 *", "UTC", "2026-06-01T00:00:00Z", 2))
                .containsExactly("2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z");
        assertThat(fires("0 0 29 2 *", "UTC", "2026-06-01T00:00:00Z", 1)).containsExactly("2028-02-29T00:00:00Z");
        // Midnight in Tokyo is the previous day in UTC.
        assertThat(fires("0 0 * * *", "Asia/Tokyo", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-01T15:00:00Z");
    }

    @Test
    void schedulesFiringWithinAnHourAreRefusedNamingTheTwoTimes() {
        Fails.invalid(
                () -> CronSchedule.of("triggers[0].config", "*/30 * * * *", "UTC", JAN),
                "triggers[0].config.schedule",
                "2026-01-01T00:00",
                "2026-01-01T00:30");
        Fails.invalid(() -> CronSchedule.of("t", "0,59 3 * * *", "UTC", JAN), "03:00", "03:59");
        Fails.invalid(() -> CronSchedule.of("t", "* * * * *", "UTC", JAN), "60 minutes");
        // One minute per hour is an hour apart in local time; on Lord Howe Island a 30-minute DST shift
        // brings 01:45 and 02:45 within half an hour on the October night.
        Fails.invalid(
                () -> CronSchedule.of("t", "45 1,2 * * *", "Australia/Lord_Howe", JAN),
                "2026-10-04T01:45+10:30",
                "2026-10-04T02:45+11:00");
        for (String zone : List.of("UTC", "Europe/Berlin", "Australia/Lord_Howe", "America/New_York")) {
            CronSchedule.of("t", "0 * * * *", zone, JAN);
            CronSchedule.of("t", "0 1,2 * * *", zone, JAN);
            CronSchedule.of("t", "0 2 * * *", zone, JAN);
        }
    }

    @Test
    void badSchedulesAndZonesAreRefusedNamingTheField() {
        Fails.invalid(() -> CronSchedule.of("x", "61 * * * *", "UTC", JAN), "x.schedule", "61");
        Fails.invalid(() -> CronSchedule.of("x", "0 2 * * * *", "UTC", JAN), "x.schedule", "5-field");
        Fails.invalid(() -> CronSchedule.of("x", "0 0 30 2 *", "UTC", JAN), "x.schedule", "never fires");
        Fails.invalid(() -> CronSchedule.of("x", "0 2 * * *", "Europe/Nowhere", JAN), "x.timezone", "IANA");
        Fails.invalid(() -> CronSchedule.of("x", " ", "UTC", JAN), "x.schedule");
    }
}
