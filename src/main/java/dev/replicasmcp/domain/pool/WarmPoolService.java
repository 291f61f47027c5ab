package dev.replicasmcp.domain.pool;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentAccess;
import dev.replicasmcp.domain.environment.EnvironmentService;
import java.util.List;
import java.util.Optional;

/**
 * The warm pool an environment keeps: switched on and off by the user, made stale by changes, and
 * claimed by new replicas. The reconciler keeps it filled.
 */
public final class WarmPoolService implements EnvironmentService.Listener {

    public static final int LISTED_WORKSPACES = 10;

    private final WarmPoolStore store;
    private final EnvironmentAccess access;
    private final PoolReconciler reconciler;
    private final int targetSize;

    public WarmPoolService(WarmPoolStore store, EnvironmentAccess access, PoolReconciler reconciler, int targetSize) {
        this.store = store;
        this.access = access;
        this.reconciler = reconciler;
        this.targetSize = targetSize;
    }

    public Optional<WarmPoolConfig> config(Caller caller, String environmentId) {
        return store.configForEnvironment(access.resolve(caller, environmentId).id());
    }

    public PoolCounts counts(WarmPoolConfig config) {
        return store.counts(config.id());
    }

    public WarmPoolConfig setEnabled(Caller caller, String environmentId, Boolean enabled) {
        if (enabled == null) {
            throw DomainException.invalid(
                    "Field 'enabled' is required: true to keep warm workspaces ready, false " + "to stop.");
        }
        WarmPoolConfig saved = access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            Optional<WarmPoolConfig> current = store.configForEnvironment(env.id());
            WarmPoolConfig config = current.map(c -> new WarmPoolConfig(
                            c.id(),
                            c.organizationId(),
                            c.environmentId(),
                            enabled,
                            c.targetSize(),
                            c.generation(),
                            enabled ? 0 : c.errorCount(),
                            c.lastFailureAt(),
                            c.lastFailureReason(),
                            null,
                            access.now()))
                    .orElseGet(() -> new WarmPoolConfig(
                            access.newId(),
                            env.organizationId(),
                            env.id(),
                            enabled,
                            targetSize,
                            1,
                            0,
                            null,
                            null,
                            null,
                            access.now()));
            store.saveConfig(config, current.isEmpty());
            return config;
        });
        if (enabled) {
            reconciler.requestPass();
        } else {
            reconciler.retire(saved, List.of(PoolStatus.READY, PoolStatus.STALE, PoolStatus.WARMING));
        }
        return saved;
    }

    public List<PoolWorkspace> workspaces(Caller caller, String configId) {
        Validation.required("config_id", configId);
        WarmPoolConfig config = store.config(caller.organizationId(), configId.trim())
                .orElseThrow(
                        () -> DomainException.notFound("No warm pool with id '" + Validation.abbreviate(configId, 60)
                                + "' (field 'config_id'). get_warm_hooks_state shows an environment's pool id."));
        return store.workspaces(config.id(), LISTED_WORKSPACES);
    }

    /** The environment is being deleted: its pool's folders go with it. */
    @Override
    public void deleting(Environment environment) {
        store.configForEnvironment(environment.id())
                .ifPresent(config ->
                        reconciler.retire(config, List.of(PoolStatus.READY, PoolStatus.STALE, PoolStatus.WARMING)));
    }

    /** The environment changed: its prepared workspaces are out of date (Global's change affects all). */
    @Override
    public void changed(Environment environment) {
        // One transaction (joining the caller's, if any): a pass or a finishing warm-up sees either the old
        // generation with its ready workspaces or the new one with them stale, never a mix.
        List<WarmPoolConfig> affected = access.tx().inTransaction(() -> {
            List<WarmPoolConfig> configs = environment.isGlobal()
                    ? store.enabledConfigs().stream()
                            .filter(c -> c.organizationId().equals(environment.organizationId()))
                            .toList()
                    : store.configForEnvironment(environment.id()).stream().toList();
            configs.forEach(this::newGeneration);
            return configs;
        });
        if (!affected.isEmpty()) {
            reconciler.requestPass();
        }
    }

    private void newGeneration(WarmPoolConfig config) {
        store.saveConfig(
                new WarmPoolConfig(
                        config.id(),
                        config.organizationId(),
                        config.environmentId(),
                        config.enabled(),
                        config.targetSize(),
                        config.generation() + 1,
                        config.errorCount(),
                        config.lastFailureAt(),
                        config.lastFailureReason(),
                        config.nextRetryAt(),
                        access.now()),
                false);
        store.inStatus(config.id(), PoolStatus.READY)
                .forEach(ws -> store.updateWorkspace(ws.id(), PoolStatus.STALE, null, access.now()));
    }

    /** Takes a prepared workspace for a new replica: a current one first, else a stale one. */
    public Optional<PoolWorkspace> claim(Environment environment) {
        Optional<PoolWorkspace> claimed = access.tx().inTransaction(() -> {
            Optional<WarmPoolConfig> config =
                    store.configForEnvironment(environment.id()).filter(WarmPoolConfig::enabled);
            if (config.isEmpty()) {
                return Optional.<PoolWorkspace>empty();
            }
            Optional<PoolWorkspace> pick = oldest(store.inStatus(config.get().id(), PoolStatus.READY))
                    .or(() -> oldest(store.inStatus(config.get().id(), PoolStatus.STALE)));
            return pick.filter(ws -> store.transition(ws.id(), ws.status(), PoolStatus.ASSIGNED, access.now()));
        });
        claimed.ifPresent(ws -> reconciler.requestPass());
        return claimed;
    }

    private static Optional<PoolWorkspace> oldest(List<PoolWorkspace> workspaces) {
        return workspaces.stream().min((a, b) -> a.createdAt().compareTo(b.createdAt()));
    }
}
