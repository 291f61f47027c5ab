package dev.replicasmcp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheFormatterWritesAtTheEdges() {
        for (String edge : new String[] {
            "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:00.999999999Z",
            "1999-12-31T23:59:59.999Z",
            "2000-02-29T12:34:56.007Z",
            "2024-02-29T23:59:59.5Z",
            "2100-03-01T00:00:00.010Z",
            "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "0800-06-15T08:00:00Z"
        }) {
            Instant instant = Instant.parse(
                    edge.startsWith("1") && edge.length() > 24 && edge.charAt(5) == '-' ? "+" + edge : edge);
            assertEquals(REFERENCE.format(instant), Timestamps.format(instant), edge);
        }
    }

    @Test
    void writesWhatTheFormatterWritesForManyInstants() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-86_400L * 365, 253_402_300_800L + 86_400L * 365), random.nextInt(1_000_000_000));
            assertEquals(REFERENCE.format(instant), Timestamps.format(instant), instant.toString());
        }
    }

    @Test
    void fixedWidthKeepsTextOrderEqualToTimeOrder() {
        String earlier = Timestamps.format(Instant.parse("2026-11-30T09:59:59.999Z"));
        String later = Timestamps.format(Instant.parse("2026-11-30T10:00:00Z"));
        assertEquals("2026-11-30T10:00:00.000Z", later);
        assertEquals(-1, Integer.signum(earlier.compareTo(later)));
    }
}
