package dev.replicasmcp.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC text with fixed millisecond precision. Fixed width matters: it makes text order equal
 * time order in SQLite, which Instant.toString() (variable precision) would not.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** 10000-01-01T00:00:00Z: from there on the year needs more than four digits. */
    private static final long FIRST_FIVE_DIGIT_YEAR = 253_402_300_800L;

    private Timestamps() {}

    /**
     * The text of an instant. Written digit by digit for years 1970 to 9999: every stored row and event takes
     * one or more, and the formatter's general machinery was a visible share of a call's CPU. Other years go
     * through the formatter, so the text is the same either way.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= FIRST_FIVE_DIGIT_YEAR) {
            return FORMAT.format(instant);
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int second = (int) (seconds % 86_400);
        byte[] text = new byte[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
