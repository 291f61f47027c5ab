package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.REPLICA_PROVISIONING;

import dev.replicasmcp.domain.replica.Provisioning;
import dev.replicasmcp.domain.replica.ProvisioningStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;

/** What provisioning applied, per replica: names as JSON lists, never values. */
public final class SqlProvisioningStore implements ProvisioningStore {

    /**
     * Every get_replica reads its replica's provisioning: rendered once (see StaticQuery), as building and
     * rendering the query through jOOQ was a fifth of the call's CPU.
     */
    private static final StaticQuery BY_REPLICA = StaticQuery.of(() -> DSL.selectFrom(REPLICA_PROVISIONING)
            .where(REPLICA_PROVISIONING.REPLICA_ID.eq(StaticQuery.value("replica_id"))));

    private final Database db;

    public SqlProvisioningStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Provisioning p) {
        db.run(dsl -> dsl.insertInto(REPLICA_PROVISIONING)
                .set(REPLICA_PROVISIONING.REPLICA_ID, p.replicaId())
                .set(REPLICA_PROVISIONING.WORKSPACE_PATH, p.workspacePath())
                .set(REPLICA_PROVISIONING.WARM_SOURCE, p.warmSource().wire())
                .set(REPLICA_PROVISIONING.FILES_JSON, Json.write(p.files()))
                .set(REPLICA_PROVISIONING.ENV_VARS_JSON, Json.write(p.envVars()))
                .set(REPLICA_PROVISIONING.SKILLS_JSON, Json.write(p.skills()))
                .set(REPLICA_PROVISIONING.MCPS_JSON, Json.write(p.mcps()))
                .set(REPLICA_PROVISIONING.WARM_HOOKS_CONFIGURED, p.warmHooksConfigured() ? 1 : 0)
                .set(REPLICA_PROVISIONING.UPDATED_AT, p.updatedAt())
                .onConflict(REPLICA_PROVISIONING.REPLICA_ID)
                .doUpdate()
                .set(REPLICA_PROVISIONING.WORKSPACE_PATH, p.workspacePath())
                .set(REPLICA_PROVISIONING.UPDATED_AT, p.updatedAt())
                .execute());
    }

    @Override
    public Optional<Provisioning> find(String replicaId) {
        return BY_REPLICA.fetchInto(db, REPLICA_PROVISIONING, Map.of("replica_id", replicaId)).stream()
                .findFirst()
                .map(r -> new Provisioning(
                        r.getReplicaId(),
                        r.getWorkspacePath(),
                        Provisioning.WarmSource.valueOf(r.getWarmSource().toUpperCase(Locale.ROOT)),
                        List.of(Json.read(r.getFilesJson(), String[].class)),
                        List.of(Json.read(r.getEnvVarsJson(), String[].class)),
                        List.of(Json.read(r.getSkillsJson(), String[].class)),
                        List.of(Json.read(r.getMcpsJson(), String[].class)),
                        r.getWarmHooksConfigured() == 1,
                        r.getUpdatedAt()));
    }
}
