package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.WARM_POOL_CONFIGS;
import static dev.replicasmcp.storage.jooq.Tables.WARM_POOL_WORKSPACES;

import dev.replicasmcp.domain.pool.PoolCounts;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.pool.PoolWorkspace;
import dev.replicasmcp.domain.pool.WarmPoolConfig;
import dev.replicasmcp.domain.pool.WarmPoolStore;
import dev.replicasmcp.storage.jooq.tables.records.WarmPoolConfigsRecord;
import dev.replicasmcp.storage.jooq.tables.records.WarmPoolWorkspacesRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;

/** Warm pools and their workspaces in SQLite; counts are computed from rows, never stored. */
public final class SqlWarmPoolStore implements WarmPoolStore {

    private final Database db;

    public SqlWarmPoolStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<WarmPoolConfig> configForEnvironment(String environmentId) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_CONFIGS)
                .where(WARM_POOL_CONFIGS.ENVIRONMENT_ID.eq(environmentId))
                .fetchOptional(SqlWarmPoolStore::toConfig));
    }

    @Override
    public Optional<WarmPoolConfig> config(String organizationId, String configId) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_CONFIGS)
                .where(WARM_POOL_CONFIGS.ID.eq(configId).and(WARM_POOL_CONFIGS.ORGANIZATION_ID.eq(organizationId)))
                .fetchOptional(SqlWarmPoolStore::toConfig));
    }

    @Override
    public void saveConfig(WarmPoolConfig c, boolean isNew) {
        db.run(dsl -> {
            WarmPoolConfigsRecord row = dsl.newRecord(WARM_POOL_CONFIGS);
            row.setId(c.id());
            row.setOrganizationId(c.organizationId());
            row.setEnvironmentId(c.environmentId());
            row.setEnabled(c.enabled() ? 1 : 0);
            row.setTargetSize(c.targetSize());
            row.setGeneration(c.generation());
            row.setErrorCount(c.errorCount());
            row.setLastFailureAt(c.lastFailureAt());
            row.setLastFailureReason(c.lastFailureReason());
            row.setNextRetryAt(c.nextRetryAt());
            row.setUpdatedAt(c.updatedAt());
            if (isNew) {
                row.insert();
            } else {
                row.changed(WARM_POOL_CONFIGS.ID, false);
                row.update();
            }
        });
    }

    @Override
    public List<WarmPoolConfig> enabledConfigs() {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_CONFIGS)
                .where(WARM_POOL_CONFIGS.ENABLED.eq(1))
                .orderBy(WARM_POOL_CONFIGS.UPDATED_AT)
                .fetch(SqlWarmPoolStore::toConfig));
    }

    @Override
    public void insertWorkspace(PoolWorkspace w) {
        db.run(dsl -> dsl.insertInto(WARM_POOL_WORKSPACES)
                .set(WARM_POOL_WORKSPACES.ID, w.id())
                .set(WARM_POOL_WORKSPACES.ORGANIZATION_ID, w.organizationId())
                .set(WARM_POOL_WORKSPACES.WARM_POOL_CONFIG_ID, w.configId())
                .set(WARM_POOL_WORKSPACES.SANDBOX_ID, w.sandboxId())
                .set(WARM_POOL_WORKSPACES.STATUS, w.status().wire())
                .set(WARM_POOL_WORKSPACES.GENERATION, w.generation())
                .set(WARM_POOL_WORKSPACES.PATH, w.path())
                .set(WARM_POOL_WORKSPACES.ERROR_MESSAGE, w.errorMessage())
                .set(WARM_POOL_WORKSPACES.CREATED_AT, w.createdAt())
                .set(WARM_POOL_WORKSPACES.UPDATED_AT, w.updatedAt())
                .execute());
    }

    @Override
    public void updateWorkspace(String id, PoolStatus status, String errorMessage, String at) {
        db.run(dsl -> dsl.update(WARM_POOL_WORKSPACES)
                .set(WARM_POOL_WORKSPACES.STATUS, status.wire())
                .set(WARM_POOL_WORKSPACES.ERROR_MESSAGE, errorMessage)
                .set(WARM_POOL_WORKSPACES.UPDATED_AT, at)
                .where(WARM_POOL_WORKSPACES.ID.eq(id))
                .execute());
    }

    @Override
    public boolean transition(String id, PoolStatus from, PoolStatus to, String at) {
        return db.with(dsl -> dsl.update(WARM_POOL_WORKSPACES)
                        .set(WARM_POOL_WORKSPACES.STATUS, to.wire())
                        .set(WARM_POOL_WORKSPACES.UPDATED_AT, at)
                        .where(WARM_POOL_WORKSPACES.ID.eq(id).and(WARM_POOL_WORKSPACES.STATUS.eq(from.wire())))
                        .execute())
                > 0;
    }

    @Override
    public void setPath(String id, String path) {
        db.run(dsl -> dsl.update(WARM_POOL_WORKSPACES)
                .set(WARM_POOL_WORKSPACES.PATH, path)
                .where(WARM_POOL_WORKSPACES.ID.eq(id))
                .execute());
    }

    @Override
    public Optional<PoolWorkspace> workspace(String id) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_WORKSPACES)
                .where(WARM_POOL_WORKSPACES.ID.eq(id))
                .fetchOptional(SqlWarmPoolStore::toWorkspace));
    }

    @Override
    public List<PoolWorkspace> workspaces(String configId, int limit) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_WORKSPACES)
                .where(WARM_POOL_WORKSPACES.WARM_POOL_CONFIG_ID.eq(configId))
                .orderBy(
                        WARM_POOL_WORKSPACES.CREATED_AT.desc(),
                        WARM_POOL_WORKSPACES.rowid().desc())
                .limit(limit)
                .fetch(SqlWarmPoolStore::toWorkspace));
    }

    @Override
    public List<PoolWorkspace> inStatus(String configId, PoolStatus status) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_WORKSPACES)
                .where(WARM_POOL_WORKSPACES
                        .WARM_POOL_CONFIG_ID
                        .eq(configId)
                        .and(WARM_POOL_WORKSPACES.STATUS.eq(status.wire())))
                .orderBy(WARM_POOL_WORKSPACES.CREATED_AT, WARM_POOL_WORKSPACES.rowid())
                .fetch(SqlWarmPoolStore::toWorkspace));
    }

    @Override
    public List<PoolWorkspace> allInStatus(PoolStatus status) {
        return db.with(dsl -> dsl.selectFrom(WARM_POOL_WORKSPACES)
                .where(WARM_POOL_WORKSPACES.STATUS.eq(status.wire()))
                .fetch(SqlWarmPoolStore::toWorkspace));
    }

    @Override
    public PoolCounts counts(String configId) {
        Map<PoolStatus, Integer> counts = new EnumMap<>(PoolStatus.class);
        db.with(dsl -> dsl.select(WARM_POOL_WORKSPACES.STATUS, DSL.count())
                        .from(WARM_POOL_WORKSPACES)
                        .where(WARM_POOL_WORKSPACES.WARM_POOL_CONFIG_ID.eq(configId))
                        .groupBy(WARM_POOL_WORKSPACES.STATUS)
                        .fetch())
                .forEach(r -> counts.put(status(r.value1()), r.value2()));
        return new PoolCounts(
                counts.getOrDefault(PoolStatus.READY, 0),
                counts.getOrDefault(PoolStatus.WARMING, 0),
                counts.getOrDefault(PoolStatus.STALE, 0),
                counts.getOrDefault(PoolStatus.FAILED, 0),
                counts.getOrDefault(PoolStatus.ASSIGNED, 0),
                counts.getOrDefault(PoolStatus.EXPIRED, 0));
    }

    private static PoolStatus status(String wire) {
        return PoolStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static WarmPoolConfig toConfig(WarmPoolConfigsRecord r) {
        return new WarmPoolConfig(
                r.getId(),
                r.getOrganizationId(),
                r.getEnvironmentId(),
                r.getEnabled() == 1,
                r.getTargetSize(),
                r.getGeneration(),
                r.getErrorCount(),
                r.getLastFailureAt(),
                r.getLastFailureReason(),
                r.getNextRetryAt(),
                r.getUpdatedAt());
    }

    private static PoolWorkspace toWorkspace(WarmPoolWorkspacesRecord r) {
        return new PoolWorkspace(
                r.getId(),
                r.getOrganizationId(),
                r.getWarmPoolConfigId(),
                r.getSandboxId(),
                status(r.getStatus()),
                r.getGeneration(),
                r.getPath(),
                r.getErrorMessage(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
