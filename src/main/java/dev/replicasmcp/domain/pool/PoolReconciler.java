package dev.replicasmcp.domain.pool;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.EnvironmentStore;
import dev.replicasmcp.domain.environment.MergedConfig;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.domain.workspace.RepositoryConfig;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import dev.replicasmcp.domain.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each enabled pool at its target: ready + warming (current generation) = target. Each new
 * workspace gets the merged files and clones of the environment's repositories, then runs the warm hooks
 * (Global's, the environment's, then each repository's `warmHook` in its folder); a failure marks it failed
 * and backs the pool off exponentially. Passes run one at a time; warming runs in parallel.
 */
public final class PoolReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PoolReconciler.class);

    /** The collaborators that prepare a workspace. */
    public record Preparation(
            EnvironmentStore environments,
            EnvironmentService environmentService,
            ConfigMerge merge,
            HookExecutor executor,
            Workspaces workspaces,
            Duration hookTimeout,
            Function<Environment, List<Repository>> repositoriesOf,
            WorkspaceRepositories repositories) {}

    private final WarmPoolStore store;
    private final Preparation prep;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;
    private final ScheduledExecutorService passes;
    private final Executor warmers;
    private final AtomicBoolean pending = new AtomicBoolean();

    public PoolReconciler(
            WarmPoolStore store,
            Preparation prep,
            Transactions tx,
            Clock clock,
            Ids ids,
            ScheduledExecutorService passes,
            Executor warmers) {
        this.store = store;
        this.prep = prep;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        this.passes = passes;
        this.warmers = warmers;
    }

    /** Asks for a pass soon; requests made while one is queued fold into it. */
    public void requestPass() {
        if (pending.compareAndSet(false, true)) {
            passes.execute(() -> {
                pending.set(false);
                pass();
            });
        }
    }

    public void pass() {
        try {
            for (WarmPoolConfig config : store.enabledConfigs()) {
                fill(config);
            }
        } catch (RuntimeException e) {
            // Not left to the periodic pass (30 s): a change that asked for this pass would wait that long.
            if (!passes.isShutdown()) {
                LOG.error("Warm pool pass failed; trying again in a second", e);
                passes.schedule(this::requestPass, 1, TimeUnit.SECONDS);
            }
        }
    }

    private void fill(WarmPoolConfig listed) {
        PoolFill fill = tx.inTransaction(() -> PoolFill.reserve(store, listed, Timestamps.now(clock), ids));
        if (fill.retireStale()) {
            // Outside the transaction: it stops processes and removes folders, and each row moves on its own.
            retire(fill.config(), List.of(PoolStatus.STALE));
        }
        // Only after the commit: a warm-up never runs for a row that was rolled back.
        for (PoolWorkspace ws : fill.started()) {
            warmers.execute(() -> warm(ws, fill.config()));
        }
    }

    private void warm(PoolWorkspace ws, WarmPoolConfig config) {
        Path home = prep.workspaces().createPool(ws.id());
        // Known from the start, so retiring a workspace that is still warming can stop it and remove its folder.
        store.setPath(ws.id(), home.toString());
        String failure;
        try {
            Environment env = prep.environments()
                    .find(config.organizationId(), config.environmentId())
                    .orElseThrow();
            Environment global = prep.environmentService().global(new Caller(config.organizationId(), null));
            MergedConfig merged = prep.merge().merge(global, env);
            List<WorkspaceRepositories.CheckedOut> clones = prep.repositories()
                    .checkOut(
                            home,
                            prep.repositoriesOf().apply(env).stream()
                                    .map(r -> new WorkspaceRepositories.Source(r.name(), r.url(), r.defaultBranch()))
                                    .toList());
            prep.workspaces().install(home, merged);
            failure = warmHooks(merged, home, clones);
        } catch (RuntimeException e) {
            failure = "Preparing the workspace failed: " + e.getMessage();
        }
        finish(ws, config, home, failure);
    }

    private String warmHooks(MergedConfig merged, Path home, List<WorkspaceRepositories.CheckedOut> clones) {
        for (MergedConfig.NamedHook hook : merged.warmHooks()) {
            HookRun run = prep.executor()
                    .run(
                            new HookRequest(hook.script(), merged.variables(), List.of(), home, prep.hookTimeout()),
                            HookProgress.NONE);
            if (!run.succeeded()) {
                return "Warm hook '" + hook.name() + "' " + outcome(run);
            }
        }
        for (WorkspaceRepositories.CheckedOut clone : clones) {
            RepositoryConfig.CommandHook hook =
                    clone.config() == null ? null : clone.config().warmHook();
            if (hook != null && !hook.isEmpty()) {
                HookRun run = prep.repositories().run(home, clone.folder(), hook, merged.variables(), () -> true);
                if (!run.succeeded()) {
                    return "Warm hook of repository '" + clone.source().name() + "' " + outcome(run);
                }
            }
        }
        return null;
    }

    private static String outcome(HookRun run) {
        return (run.timedOut() ? "timed out" : "exited " + run.exitCode()) + tail(run.output());
    }

    private void finish(PoolWorkspace ws, WarmPoolConfig config, Path home, String failure) {
        if (failure != null) {
            // The reason may quote a hook's output (and so a secret): the log names the workspace only.
            LOG.warn(
                    "Warm pool workspace {} of environment {} failed; list_warm_pool_workspaces shows why",
                    ws.id(),
                    config.environmentId());
            // Gone before the failure is visible: whoever reads 'failed' finds no folder left behind.
            discard(home);
        }
        boolean keep = tx.inTransaction(() -> {
            PoolWorkspace current = store.workspace(ws.id()).orElse(null);
            WarmPoolConfig latest =
                    store.config(config.organizationId(), config.id()).orElse(null);
            if (current == null || current.status() != PoolStatus.WARMING || latest == null) {
                return false;
            }
            String now = Timestamps.now(clock);
            if (!latest.enabled()) {
                // The pool was switched off while this one warmed (a pass already under way made it).
                store.updateWorkspace(ws.id(), PoolStatus.EXPIRED, null, now);
                return false;
            }
            if (failure != null) {
                store.updateWorkspace(ws.id(), PoolStatus.FAILED, failure, now);
                store.setPath(ws.id(), "");
                int errors = latest.errorCount() + 1;
                store.saveConfig(
                        new WarmPoolConfig(
                                latest.id(),
                                latest.organizationId(),
                                latest.environmentId(),
                                latest.enabled(),
                                latest.targetSize(),
                                latest.generation(),
                                errors,
                                now,
                                failure,
                                Timestamps.format(Instant.now(clock).plus(backoff(errors))),
                                now),
                        false);
                // Try again when the back-off ends, not only at the next periodic pass (none after shutdown).
                if (!passes.isShutdown()) {
                    passes.schedule(this::requestPass, backoff(errors).toMillis() + 50, TimeUnit.MILLISECONDS);
                }
                return false;
            }
            PoolStatus status = ws.generation() == latest.generation() ? PoolStatus.READY : PoolStatus.STALE;
            store.updateWorkspace(ws.id(), status, null, now);
            if (latest.errorCount() > 0) {
                // A success ends the run of failures: the next failure backs off from the start again.
                store.saveConfig(
                        new WarmPoolConfig(
                                latest.id(),
                                latest.organizationId(),
                                latest.environmentId(),
                                latest.enabled(),
                                latest.targetSize(),
                                latest.generation(),
                                0,
                                latest.lastFailureAt(),
                                latest.lastFailureReason(),
                                null,
                                now),
                        false);
            }
            return true;
        });
        if (!keep) {
            discard(home);
        }
        requestPass();
    }

    /** Expires the pool's workspaces in these statuses and removes their folders. */
    public void retire(WarmPoolConfig config, List<PoolStatus> statuses) {
        for (PoolStatus status : statuses) {
            for (PoolWorkspace ws : store.inStatus(config.id(), status)) {
                // Only what is still in that status: a workspace a replica just claimed is not retired.
                boolean retired = store.transition(ws.id(), status, PoolStatus.EXPIRED, Timestamps.now(clock));
                if (retired && !ws.path().isEmpty()) {
                    discard(Path.of(ws.path()));
                }
            }
        }
    }

    /** Stops what runs in a pool folder and removes it. */
    private void discard(Path home) {
        prep.executor().stopWithin(home);
        prep.workspaces().remove(home);
    }

    /** Workspaces that were warming when the server stopped will never finish; their folders go. */
    public void recover() {
        for (PoolWorkspace ws : store.allInStatus(PoolStatus.WARMING)) {
            store.updateWorkspace(
                    ws.id(),
                    PoolStatus.FAILED,
                    "The server stopped while this workspace was warming.",
                    Timestamps.now(clock));
            if (!ws.path().isEmpty()) {
                discard(Path.of(ws.path()));
                store.setPath(ws.id(), "");
            }
        }
        requestPass();
    }

    static Duration backoff(int errors) {
        long seconds = Math.min(600, 5L << Math.min(errors - 1, 10));
        return Duration.ofSeconds(seconds);
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return ".";
        }
        String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        return ": " + (last.length() > 200 ? last.substring(0, 200) + "…" : last);
    }
}
