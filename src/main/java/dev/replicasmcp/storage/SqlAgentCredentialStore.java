package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.AGENT_CREDENTIALS;

import dev.replicasmcp.domain.agent.AgentCredential;
import dev.replicasmcp.domain.agent.AgentCredentialStore;
import dev.replicasmcp.domain.agent.CredentialKind;
import dev.replicasmcp.storage.jooq.tables.records.AgentCredentialsRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Agent credentials in SQLite; the secret is ciphertext bound to its row id. */
public final class SqlAgentCredentialStore implements AgentCredentialStore {

    private final Database db;
    private final SecretCipher cipher;

    public SqlAgentCredentialStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public List<AgentCredential> list(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(AGENT_CREDENTIALS)
                .where(AGENT_CREDENTIALS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AGENT_CREDENTIALS.CREATED_AT, AGENT_CREDENTIALS.rowid())
                .fetch(SqlAgentCredentialStore::credential));
    }

    @Override
    public Optional<AgentCredential> find(String organizationId, CredentialKind kind) {
        return db.with(dsl -> dsl.selectFrom(AGENT_CREDENTIALS)
                .where(AGENT_CREDENTIALS.ORGANIZATION_ID.eq(organizationId).and(AGENT_CREDENTIALS.KIND.eq(kind.wire())))
                .fetchOptional(SqlAgentCredentialStore::credential));
    }

    @Override
    public void save(AgentCredential c, String secret) {
        String sealed = cipher.encrypt(secret, context(c.id()));
        db.run(dsl -> dsl.insertInto(AGENT_CREDENTIALS)
                .set(AGENT_CREDENTIALS.ID, c.id())
                .set(AGENT_CREDENTIALS.ORGANIZATION_ID, c.organizationId())
                .set(AGENT_CREDENTIALS.KIND, c.kind().wire())
                .set(AGENT_CREDENTIALS.SECRET_CIPHERTEXT, sealed)
                .set(AGENT_CREDENTIALS.HINT, c.hint())
                .set(AGENT_CREDENTIALS.CREATED_AT, c.createdAt())
                .set(AGENT_CREDENTIALS.UPDATED_AT, c.updatedAt())
                .onConflict(AGENT_CREDENTIALS.ID)
                .doUpdate()
                .set(AGENT_CREDENTIALS.SECRET_CIPHERTEXT, sealed)
                .set(AGENT_CREDENTIALS.HINT, c.hint())
                .set(AGENT_CREDENTIALS.UPDATED_AT, c.updatedAt())
                .execute());
    }

    @Override
    public boolean delete(String organizationId, CredentialKind kind) {
        return db.with(dsl -> dsl.deleteFrom(AGENT_CREDENTIALS)
                        .where(AGENT_CREDENTIALS
                                .ORGANIZATION_ID
                                .eq(organizationId)
                                .and(AGENT_CREDENTIALS.KIND.eq(kind.wire())))
                        .execute())
                > 0;
    }

    @Override
    public Map<CredentialKind, String> secrets(String organizationId) {
        Map<CredentialKind, String> secrets = new EnumMap<>(CredentialKind.class);
        db.with(dsl -> dsl.selectFrom(AGENT_CREDENTIALS)
                        .where(AGENT_CREDENTIALS.ORGANIZATION_ID.eq(organizationId))
                        .fetch())
                .forEach(r -> secrets.put(kind(r), cipher.decrypt(r.getSecretCiphertext(), context(r.getId()))));
        return secrets;
    }

    private static String context(String id) {
        return "agent_credential:" + id;
    }

    private static CredentialKind kind(AgentCredentialsRecord r) {
        return CredentialKind.valueOf(r.getKind().toUpperCase(Locale.ROOT));
    }

    private static AgentCredential credential(AgentCredentialsRecord r) {
        return new AgentCredential(
                r.getId(), r.getOrganizationId(), kind(r), r.getHint(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
