package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.INTEGRATIONS;
import static dev.replicasmcp.storage.jooq.Tables.INTEGRATION_DELIVERIES;
import static dev.replicasmcp.storage.jooq.Tables.INTEGRATION_GROUPS;

import dev.replicasmcp.domain.integration.Integration;
import dev.replicasmcp.domain.integration.IntegrationStore;
import dev.replicasmcp.domain.integration.Provider;
import dev.replicasmcp.storage.jooq.tables.records.IntegrationsRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Integration signing secrets in SQLite (ciphertext bound to the row id), delivery ids and PR/thread groups. */
public final class SqlIntegrationStore implements IntegrationStore {

    private final Database db;
    private final SecretCipher cipher;

    public SqlIntegrationStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public List<Integration> list(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(INTEGRATIONS)
                .where(INTEGRATIONS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(INTEGRATIONS.CONNECTED_AT, INTEGRATIONS.rowid())
                .fetch(SqlIntegrationStore::integration));
    }

    @Override
    public Optional<Integration> find(String organizationId, Provider provider) {
        return row(organizationId, provider).map(SqlIntegrationStore::integration);
    }

    private Optional<IntegrationsRecord> row(String organizationId, Provider provider) {
        return db.with(dsl -> dsl.selectFrom(INTEGRATIONS)
                .where(INTEGRATIONS.ORGANIZATION_ID.eq(organizationId).and(INTEGRATIONS.PROVIDER.eq(provider.wire())))
                .fetchOptional());
    }

    @Override
    public void save(Integration i, String secret) {
        String sealed = cipher.encrypt(secret, context(i.id()));
        db.run(dsl -> dsl.insertInto(INTEGRATIONS)
                .set(INTEGRATIONS.ID, i.id())
                .set(INTEGRATIONS.ORGANIZATION_ID, i.organizationId())
                .set(INTEGRATIONS.PROVIDER, i.provider().wire())
                .set(INTEGRATIONS.SECRET_CIPHERTEXT, sealed)
                .set(INTEGRATIONS.HINT, i.hint())
                .set(INTEGRATIONS.CONNECTED_AT, i.connectedAt())
                .set(INTEGRATIONS.UPDATED_AT, i.updatedAt())
                .onConflict(INTEGRATIONS.ID)
                .doUpdate()
                .set(INTEGRATIONS.SECRET_CIPHERTEXT, sealed)
                .set(INTEGRATIONS.HINT, i.hint())
                .set(INTEGRATIONS.UPDATED_AT, i.updatedAt())
                .execute());
    }

    @Override
    public boolean delete(String organizationId, Provider provider) {
        return db.with(dsl -> dsl.deleteFrom(INTEGRATIONS)
                        .where(INTEGRATIONS
                                .ORGANIZATION_ID
                                .eq(organizationId)
                                .and(INTEGRATIONS.PROVIDER.eq(provider.wire())))
                        .execute())
                > 0;
    }

    @Override
    public Optional<String> secret(String organizationId, Provider provider) {
        return row(organizationId, provider).map(r -> cipher.decrypt(r.getSecretCiphertext(), context(r.getId())));
    }

    @Override
    public boolean firstDelivery(Provider provider, String deliveryId, String now, String forgetBefore) {
        return db.inTransaction(() -> db.with(dsl -> {
            dsl.deleteFrom(INTEGRATION_DELIVERIES)
                    .where(INTEGRATION_DELIVERIES.RECEIVED_AT.lt(forgetBefore))
                    .execute();
            return dsl.insertInto(INTEGRATION_DELIVERIES)
                            .set(INTEGRATION_DELIVERIES.PROVIDER, provider.wire())
                            .set(INTEGRATION_DELIVERIES.DELIVERY_ID, deliveryId)
                            .set(INTEGRATION_DELIVERIES.RECEIVED_AT, now)
                            .onConflictDoNothing()
                            .execute()
                    > 0;
        }));
    }

    @Override
    public Optional<String> groupReplica(String automationId, String groupKey) {
        return db.with(dsl -> dsl.select(INTEGRATION_GROUPS.REPLICA_ID)
                .from(INTEGRATION_GROUPS)
                .where(INTEGRATION_GROUPS.AUTOMATION_ID.eq(automationId).and(INTEGRATION_GROUPS.GROUP_KEY.eq(groupKey)))
                .fetchOptional(INTEGRATION_GROUPS.REPLICA_ID));
    }

    @Override
    public void rememberGroup(String automationId, String groupKey, String replicaId, String now) {
        db.run(dsl -> dsl.insertInto(INTEGRATION_GROUPS)
                .set(INTEGRATION_GROUPS.AUTOMATION_ID, automationId)
                .set(INTEGRATION_GROUPS.GROUP_KEY, groupKey)
                .set(INTEGRATION_GROUPS.REPLICA_ID, replicaId)
                .set(INTEGRATION_GROUPS.CREATED_AT, now)
                .onConflict(INTEGRATION_GROUPS.AUTOMATION_ID, INTEGRATION_GROUPS.GROUP_KEY)
                .doUpdate()
                .set(INTEGRATION_GROUPS.REPLICA_ID, replicaId)
                .set(INTEGRATION_GROUPS.CREATED_AT, now)
                .execute());
    }

    private static String context(String id) {
        return "integration:" + id;
    }

    private static Integration integration(IntegrationsRecord r) {
        return new Integration(
                r.getId(),
                r.getOrganizationId(),
                Provider.valueOf(r.getProvider().toUpperCase(Locale.ROOT)),
                r.getHint(),
                r.getConnectedAt(),
                r.getUpdatedAt());
    }
}
