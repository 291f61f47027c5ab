package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.MergedConfig;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new replica its workspace (spec §8.2): a ready warm-pool folder when there is one, else a cold
 * one; then Global + environment files, MCP servers and skills are written in. Hooks run in the
 * background (the warm hooks only on a cold start), each logged with its real output.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    /** The plan made before the replica row exists: the merged configuration. */
    public record Plan(MergedConfig config) {
        public boolean hasHooks(boolean cold) {
            return !config.startHooks().isEmpty() || (cold && !config.warmHooks().isEmpty());
        }
    }

    private final EnvironmentService environments;
    private final ConfigMerge merge;
    private final WarmPoolService pool;
    private final Workspaces workspaces;
    private final HookExecutor executor;
    private final HookLogStore hookLogs;
    private final ProvisioningStore store;
    private final ReplicaStore replicas;
    private final Executor background;
    private final Clock clock;
    private final Duration hookTimeout;

    public Provisioner(EnvironmentService environments, ConfigMerge merge, WarmPoolService pool, Workspaces workspaces,
                       HookExecutor executor, HookLogStore hookLogs, ProvisioningStore store, ReplicaStore replicas,
                       Executor background, Clock clock, Duration hookTimeout) {
        this.environments = environments;
        this.merge = merge;
        this.pool = pool;
        this.workspaces = workspaces;
        this.executor = executor;
        this.hookLogs = hookLogs;
        this.store = store;
        this.replicas = replicas;
        this.background = background;
        this.clock = clock;
        this.hookTimeout = hookTimeout;
    }

    public Plan plan(Caller caller, Environment environment) {
        return new Plan(merge.merge(environments.global(caller), environment));
    }

    public Provisioning provision(Replica replica, Environment environment, Plan plan) {
        Optional<PoolWorkspace> claimed = pool.claim(environment);
        Path home = claimed.map(ws -> workspaces.adopt(Path.of(ws.path()), replica.id()))
                .orElseGet(() -> workspaces.createReplica(replica.id()));
        Workspaces.Installed installed = workspaces.install(home, plan.config());
        Provisioning.WarmSource source = claimed.isEmpty() ? Provisioning.WarmSource.COLD
                : claimed.get().status() == PoolStatus.STALE ? Provisioning.WarmSource.STALE_WARM_POOL
                : Provisioning.WarmSource.WARM_POOL;
        Provisioning provisioning = new Provisioning(replica.id(), home.toString(), source, installed.files(),
                List.copyOf(plan.config().variables().keySet()), installed.skills(), installed.mcps(),
                !plan.config().warmHooks().isEmpty(), Timestamps.now(clock));
        store.save(provisioning);
        boolean cold = claimed.isEmpty();
        if (plan.hasHooks(cold)) {
            background.execute(() -> runHooks(replica, plan.config(), home, cold));
        } else {
            replicas.markStartHooksCompleted(replica.id());
        }
        return provisioning;
    }

    private void runHooks(Replica replica, MergedConfig config, Path home, boolean cold) {
        try {
            if (cold) {
                for (MergedConfig.NamedHook hook : config.warmHooks()) {
                    HookRun run = run(hook, config, home);
                    hookLogs.appendWarm(replica.id(), new WarmHookLog("global", hook.name(), hook.script(),
                            run.output(), run.outputTruncated(), run.outputTotalChars(), run.exitCode(),
                            run.timedOut(), Timestamps.now(clock)));
                }
            }
            for (MergedConfig.NamedHook hook : config.startHooks()) {
                HookRun run = run(hook, config, home);
                hookLogs.appendStart(replica.id(), new StartHookLog("environment", "environment", "environment",
                        List.of(hook.script()), run.output(), run.outputTruncated(), run.outputTotalChars(),
                        run.exitCode(), run.timedOut(), Timestamps.now(clock)));
            }
        } catch (RuntimeException e) {
            // A replica may be deleted while its hooks run; hook failures never block it either way.
            LOG.warn("Hooks of replica {} stopped: {}", replica.id(), e.toString());
        } finally {
            if (replicas.findById(replica.id()).isPresent()) {
                replicas.markStartHooksCompleted(replica.id());
            }
        }
    }

    private HookRun run(MergedConfig.NamedHook hook, MergedConfig config, Path home) {
        return executor.run(new HookRequest(hook.script(), config.variables(), List.of(), home, hookTimeout),
                HookProgress.NONE);
    }

    /** Removes the replica's workspace folder. */
    public void remove(String replicaId) {
        store.find(replicaId).ifPresent(p -> workspaces.remove(Path.of(p.workspacePath())));
    }

    public Optional<Provisioning> applied(String replicaId) {
        return store.find(replicaId);
    }
}
