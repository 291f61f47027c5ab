package dev.replicasmcp.domain.hook;

/**
 * How a hook run ended. output interleaves stdout and stderr, cut to a preview when longer than the
 * limit (outputTruncated) while outputTotalChars always counts everything. A timed-out run exits 124.
 */
public record HookRun(
        int exitCode, String output, boolean outputTruncated, int outputTotalChars, long durationMs, boolean timedOut) {

    public static final int TIMEOUT_EXIT_CODE = 124;
    public static final int OUTPUT_LIMIT = 100_000;

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
