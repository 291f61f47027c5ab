package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.environment.MergedConfig;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import dev.replicasmcp.domain.workspace.RepositoryConfig;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of a new workspace, run in the background and each logged with its real output (spec §8.2,
 * §8.4): on a cold start the warm hooks first (Global's, the environment's, then each repository's
 * `warmHook`); then the environment start hook; then each repository's `startHook` in its own folder, its
 * `start_hooks_completed` turning true when its commands are done. A failure never blocks the replica.
 */
public final class BootHooks {

    private static final Logger LOG = LoggerFactory.getLogger(BootHooks.class);

    private final HookExecutor executor;
    private final WorkspaceRepositories repositories;
    private final HookLogStore hookLogs;
    private final ReplicaStore replicas;
    private final Executor background;
    private final Clock clock;
    private final Duration hookTimeout;

    public BootHooks(
            HookExecutor executor,
            WorkspaceRepositories repositories,
            HookLogStore hookLogs,
            ReplicaStore replicas,
            Executor background,
            Clock clock,
            Duration hookTimeout) {
        this.executor = executor;
        this.repositories = repositories;
        this.hookLogs = hookLogs;
        this.replicas = replicas;
        this.background = background;
        this.clock = clock;
        this.hookTimeout = hookTimeout;
    }

    void start(
            Replica replica,
            MergedConfig config,
            Path home,
            boolean cold,
            List<WorkspaceRepositories.CheckedOut> checkedOut) {
        boolean repositoryHooks = checkedOut.stream()
                .anyMatch(c -> c.configError() != null
                        || hasCommands(c.config() == null ? null : c.config().startHook())
                        || (c.clonedNow()
                                && hasCommands(
                                        c.config() == null ? null : c.config().warmHook())));
        if (config.startHooks().isEmpty() && (!cold || config.warmHooks().isEmpty()) && !repositoryHooks) {
            replicas.markStartHooksCompleted(replica.id());
            return;
        }
        try {
            background.execute(() -> run(replica, config, home, cold, checkedOut));
        } catch (RejectedExecutionException e) {
            // The server is stopping: the hooks do not run now and start_hooks_completed stays false.
            LOG.info("Start hooks of replica {} not run: the server is stopping", replica.id());
        }
    }

    private void run(
            Replica replica,
            MergedConfig config,
            Path home,
            boolean cold,
            List<WorkspaceRepositories.CheckedOut> checkedOut) {
        try {
            warmHooks(replica, config, home, cold, checkedOut);
            for (MergedConfig.NamedHook hook : config.startHooks()) {
                if (!alive(replica)) {
                    return;
                }
                HookRun run = executor.run(
                        new HookRequest(hook.script(), config.variables(), List.of(), home, hookTimeout)
                                .forReplica(replica.id()),
                        HookProgress.NONE);
                hookLogs.appendStart(
                        replica.id(),
                        new StartHookLog(
                                "environment",
                                "environment",
                                "environment",
                                List.of(hook.script()),
                                run.output(),
                                run.outputTruncated(),
                                run.outputTotalChars(),
                                run.exitCode(),
                                run.timedOut(),
                                Timestamps.now(clock)));
            }
            for (int i = 0; i < checkedOut.size() && alive(replica); i++) {
                repositoryStart(
                        replica,
                        config,
                        home,
                        checkedOut.get(i),
                        replica.repositories().get(i));
            }
        } catch (RuntimeException e) {
            // A replica may be deleted while its hooks run; hook failures never block it either way.
            LOG.warn("Hooks of replica {} stopped: {}", replica.id(), e.toString());
        } finally {
            if (alive(replica)) {
                replicas.markStartHooksCompleted(replica.id());
            }
        }
    }

    /** Global and environment warm hooks on a cold start; a repository's whenever it was cloned just now. */
    private void warmHooks(
            Replica replica,
            MergedConfig config,
            Path home,
            boolean cold,
            List<WorkspaceRepositories.CheckedOut> checkedOut) {
        for (MergedConfig.NamedHook hook : cold ? config.warmHooks() : List.<MergedConfig.NamedHook>of()) {
            if (!alive(replica)) {
                return;
            }
            HookRun run = executor.run(
                    new HookRequest(hook.script(), config.variables(), List.of(), home, hookTimeout)
                            .forReplica(replica.id()),
                    HookProgress.NONE);
            logWarm(replica, "global", hook.name(), hook.script(), run);
        }
        for (WorkspaceRepositories.CheckedOut repo : checkedOut) {
            RepositoryConfig.CommandHook hook =
                    repo.config() == null ? null : repo.config().warmHook();
            if (repo.clonedNow() && hasCommands(hook) && alive(replica)) {
                HookRun run = repositories.run(home, repo.folder(), hook, config.variables(), () -> alive(replica));
                logWarm(replica, "repository", repo.source().name(), String.join("\n", hook.commands()), run);
            }
        }
    }

    private void logWarm(Replica replica, String type, String name, String script, HookRun run) {
        hookLogs.appendWarm(
                replica.id(),
                new WarmHookLog(
                        type,
                        name,
                        script,
                        run.output(),
                        run.outputTruncated(),
                        run.outputTotalChars(),
                        run.exitCode(),
                        run.timedOut(),
                        Timestamps.now(clock)));
    }

    private void repositoryStart(
            Replica replica,
            MergedConfig config,
            Path home,
            WorkspaceRepositories.CheckedOut repo,
            ReplicaRepository row) {
        String name = repo.source().name();
        if (repo.configError() != null) {
            String output = repo.configError() + "\nThe repository's start hook did not run; fix the file on its "
                    + "default branch.\n";
            hookLogs.appendStart(
                    replica.id(),
                    new StartHookLog(
                            "repository",
                            name,
                            name,
                            List.of(),
                            output,
                            false,
                            output.length(),
                            1,
                            false,
                            Timestamps.now(clock)));
        } else if (hasCommands(repo.config() == null ? null : repo.config().startHook())) {
            RepositoryConfig.CommandHook hook = repo.config().startHook();
            HookRun run = repositories.run(home, repo.folder(), hook, config.variables(), () -> alive(replica));
            if (!alive(replica)) {
                return;
            }
            hookLogs.appendStart(
                    replica.id(),
                    new StartHookLog(
                            "repository",
                            name,
                            name,
                            hook.commands(),
                            run.output(),
                            run.outputTruncated(),
                            run.outputTotalChars(),
                            run.exitCode(),
                            run.timedOut(),
                            Timestamps.now(clock)));
        }
        replicas.markStartHooksCompleted(replica.id(), row.repositoryId());
    }

    private static boolean hasCommands(RepositoryConfig.CommandHook hook) {
        return hook != null && !hook.isEmpty();
    }

    private boolean alive(Replica replica) {
        return replicas.findById(replica.id()).isPresent();
    }
}
