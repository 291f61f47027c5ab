package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import java.util.List;

/** Hook logs of a replica; entries are camelCase because the engine passes them through (spec §2.18). */
public record HooksView(Logs<WarmEntry> warmHooks, Logs<StartEntry> startHooks) {

    /** A list of log entries. */
    public record Logs<T>(List<T> logs) {}

    /** One warm hook run. */
    public record WarmEntry(
            @JsonProperty("hookType") String hookType,
            @JsonProperty("hookName") String hookName,
            @JsonProperty("hookScript") String hookScript,
            @JsonProperty("output") String output,
            @JsonProperty("outputTruncated") boolean outputTruncated,
            @JsonProperty("outputTotalChars") int outputTotalChars,
            @JsonProperty("exitCode") int exitCode,
            @JsonProperty("timedOut") boolean timedOut,
            @JsonProperty("executedAt") String executedAt) {}

    /** One start hook run. */
    public record StartEntry(
            @JsonProperty("hookType") String hookType,
            @JsonProperty("hookName") String hookName,
            @JsonProperty("repoName") String repoName,
            @JsonProperty("hookCommands") List<String> hookCommands,
            @JsonProperty("output") String output,
            @JsonProperty("outputTruncated") boolean outputTruncated,
            @JsonProperty("outputTotalChars") int outputTotalChars,
            @JsonProperty("exitCode") int exitCode,
            @JsonProperty("timedOut") boolean timedOut,
            @JsonProperty("executedAt") String executedAt) {}

    public static HooksView of(HookLogs logs) {
        return new HooksView(
                new Logs<>(logs.warmHooks().stream().map(HooksView::warm).toList()),
                new Logs<>(logs.startHooks().stream().map(HooksView::start).toList()));
    }

    private static WarmEntry warm(WarmHookLog l) {
        return new WarmEntry(
                l.hookType(),
                l.hookName(),
                l.hookScript(),
                l.output(),
                l.outputTruncated(),
                l.outputTotalChars(),
                l.exitCode(),
                l.timedOut(),
                l.executedAt());
    }

    private static StartEntry start(StartHookLog l) {
        return new StartEntry(
                l.hookType(),
                l.hookName(),
                l.repoName(),
                l.hookCommands(),
                l.output(),
                l.outputTruncated(),
                l.outputTotalChars(),
                l.exitCode(),
                l.timedOut(),
                l.executedAt());
    }
}
