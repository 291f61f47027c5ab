package dev.replicasmcp.domain.hook;

import java.util.List;

/** A start hook run as get_replica_hooks reports it; repoName is the deprecated twin of hookName. */
public record StartHookLog(
        String hookType,
        String hookName,
        String repoName,
        List<String> hookCommands,
        String output,
        boolean outputTruncated,
        int outputTotalChars,
        int exitCode,
        boolean timedOut,
        String executedAt) {}
