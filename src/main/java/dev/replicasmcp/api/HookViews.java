package dev.replicasmcp.api;

import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.environment.HookScript;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.domain.pool.PoolCounts;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolConfig;

/** Wire shapes of hooks, hook test runs and warm pools (spec §2.11–2.13, §4.3). */
public final class HookViews {

    private HookViews() {}

    /** One saved version of a warm or start hook. */
    public record HookRecord(
            String id,
            String organizationId,
            String environmentId,
            int version,
            String content,
            boolean isActive,
            String createdAt) {
        public static HookRecord of(HookScript h) {
            return new HookRecord(
                    h.id(),
                    h.organizationId(),
                    h.environmentId(),
                    h.version(),
                    h.content(),
                    h.isActive(),
                    h.createdAt());
        }
    }

    /** A test run: the API's {exit_code, output, timed_out} plus how much output there was and how long it took. */
    public record TestResult(
            int exitCode,
            String output,
            boolean timedOut,
            boolean outputTruncated,
            int outputTotalChars,
            long durationMs) {
        public static TestResult of(HookRun run) {
            return new TestResult(
                    run.exitCode(),
                    run.output(),
                    run.timedOut(),
                    run.outputTruncated(),
                    run.outputTotalChars(),
                    run.durationMs());
        }
    }

    /** A warm pool with live counts. Snapshot fields are false/0: local workspaces are folders. */
    public record PoolView(
            String id,
            String organizationId,
            String environmentId,
            boolean enabled,
            int targetSize,
            int generation,
            int errorCount,
            @Nullable String nextRetryAt,
            @Nullable String lastErrorAt,
            @Nullable String lastErrorMessage,
            boolean hasBaseSnapshot,
            String updatedAt,
            int readyCount,
            int staleCount,
            int warmingCount,
            int snapshottingCount,
            @Nullable String lastFailureAt,
            @Nullable String lastFailureReason) {
        public static PoolView of(WarmPoolConfig c, PoolCounts counts) {
            return new PoolView(
                    c.id(),
                    c.organizationId(),
                    c.environmentId(),
                    c.enabled(),
                    c.targetSize(),
                    c.generation(),
                    c.errorCount(),
                    c.nextRetryAt(),
                    c.lastFailureAt(),
                    c.lastFailureReason(),
                    false,
                    c.updatedAt(),
                    counts.ready(),
                    counts.stale(),
                    counts.warming(),
                    0,
                    c.lastFailureAt(),
                    c.lastFailureReason());
        }
    }

    /** One pool workspace. */
    public record PoolWorkspaceView(
            String id,
            String organizationId,
            String warmPoolConfigId,
            String sandboxId,
            @AllowedValues(PoolStatus.class) String status,
            int generation,
            @Nullable String errorMessage,
            String createdAt) {
        public static PoolWorkspaceView of(PoolWorkspace w) {
            return new PoolWorkspaceView(
                    w.id(),
                    w.organizationId(),
                    w.configId(),
                    w.sandboxId(),
                    w.status().wire(),
                    w.generation(),
                    w.errorMessage(),
                    w.createdAt());
        }
    }
}
