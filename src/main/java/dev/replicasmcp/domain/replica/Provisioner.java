package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.MergedConfig;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import dev.replicasmcp.domain.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Gives a new replica its workspace (spec §8.2): a ready warm-pool folder when there is one, else a cold
 * one; Global + environment files, MCP servers and skills are written in; each repository is cloned to
 * `~/workspaces/<repo-name>` (a pool folder already holds its clones) and put on the replica's branch. Hooks
 * then run in the background ({@link BootHooks}).
 */
public final class Provisioner {

    /** The plan made before the replica row exists: the merged configuration. */
    public record Plan(MergedConfig config) {}

    private final EnvironmentService environments;
    private final ConfigMerge merge;
    private final WarmPoolService pool;
    private final Workspaces workspaces;
    private final WorkspaceRepositories repositories;
    private final HookExecutor executor;
    private final BootHooks boot;
    private final ProvisioningStore store;
    private final Clock clock;

    public Provisioner(
            EnvironmentService environments,
            ConfigMerge merge,
            WarmPoolService pool,
            Workspaces workspaces,
            WorkspaceRepositories repositories,
            HookExecutor executor,
            BootHooks boot,
            ProvisioningStore store,
            Clock clock) {
        this.environments = environments;
        this.merge = merge;
        this.pool = pool;
        this.workspaces = workspaces;
        this.repositories = repositories;
        this.executor = executor;
        this.boot = boot;
        this.store = store;
        this.clock = clock;
    }

    public Plan plan(Caller caller, Environment environment) {
        return new Plan(merge.merge(environments.global(caller), environment));
    }

    /** A failure (a repository that cannot be cloned) removes the half-made workspace and throws. */
    public Provisioning provision(Replica replica, Environment environment, Plan plan) {
        Optional<PoolWorkspace> claimed = pool.claim(environment);
        Path home = claimed.map(ws -> workspaces.adopt(Path.of(ws.path()), replica.id()))
                .orElseGet(() -> workspaces.createReplica(replica.id()));
        try {
            List<WorkspaceRepositories.CheckedOut> checkedOut = repositories.checkOut(home, sources(replica));
            // After the clones, so an environment file under ~/workspaces/<repo>/ lands in (and wins over) the clone.
            Workspaces.Installed installed = workspaces.install(home, plan.config());
            for (int i = 0; i < checkedOut.size(); i++) {
                repositories
                        .checkouts()
                        .startBranch(
                                checkedOut.get(i).folder(),
                                replica.repositories().get(i).branch());
            }
            Provisioning.WarmSource source = claimed.isEmpty()
                    ? Provisioning.WarmSource.COLD
                    : claimed.get().status() == PoolStatus.STALE
                            ? Provisioning.WarmSource.STALE_WARM_POOL
                            : Provisioning.WarmSource.WARM_POOL;
            Provisioning provisioning = new Provisioning(
                    replica.id(),
                    home.toString(),
                    source,
                    installed.files(),
                    List.copyOf(plan.config().variables().keySet()),
                    installed.skills(),
                    installed.mcps(),
                    !plan.config().warmHooks().isEmpty(),
                    Timestamps.now(clock));
            store.save(provisioning);
            boot.start(replica, plan.config(), home, claimed.isEmpty(), checkedOut);
            return provisioning;
        } catch (RuntimeException e) {
            discard(home);
            throw e;
        }
    }

    static List<WorkspaceRepositories.Source> sources(Replica replica) {
        return replica.repositories().stream()
                .map(r -> new WorkspaceRepositories.Source(r.name(), r.url(), r.defaultBranch()))
                .toList();
    }

    /** Stops whatever still runs in the replica's workspace and removes its folder. */
    public void remove(String replicaId) {
        store.find(replicaId).map(p -> Path.of(p.workspacePath())).ifPresent(this::discard);
        discard(workspaces.replicaHome(replicaId));
    }

    private void discard(Path home) {
        executor.stopWithin(home);
        workspaces.remove(home);
    }

    public Optional<Provisioning> applied(String replicaId) {
        return store.find(replicaId);
    }
}
