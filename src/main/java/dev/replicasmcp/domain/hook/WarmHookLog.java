package dev.replicasmcp.domain.hook;

/** A warm hook run as get_replica_hooks reports it (camelCase, passed through from the engine). */
public record WarmHookLog(
        String hookType,
        String hookName,
        String hookScript,
        String output,
        boolean outputTruncated,
        int outputTotalChars,
        int exitCode,
        boolean timedOut,
        String executedAt) {}
