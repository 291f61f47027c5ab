package dev.replicasmcp.app;

import java.time.Duration;

/** The range check every numeric flag gets, with one wording: the flag, its bounds, what they mean. */
final class FlagRange {

    static final long WEEK_MINUTES = 10_080;

    private FlagRange() {}

    /** The value, or an IllegalArgumentException naming the flag and its bounds. */
    static long within(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    flag + " must be between " + min + " and " + max + (max == WEEK_MINUTES ? " (a week)." : "."));
        }
        return value;
    }

    /** A number of minutes from 1 to a week. */
    static Duration minutes(String flag, long value) {
        return Duration.ofMinutes(within(flag, value, 1, WEEK_MINUTES));
    }
}
