package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.API_KEYS;

import dev.replicasmcp.domain.account.ApiKey;
import dev.replicasmcp.domain.account.ApiKeyStore;
import dev.replicasmcp.storage.jooq.tables.records.ApiKeysRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * API keys in SQLite: hashes and prefixes only. Every HTTP request looks its key up by hash, so the keys
 * found are kept in memory (a query through jOOQ was a third of the CPU of a tool call over HTTP); the
 * copy is dropped at every write here and whenever another process has written to the database, so a
 * revocation takes effect at the next request either way.
 */
public final class SqlApiKeyStore implements ApiKeyStore {

    private final Database db;
    /** Keys found, by hash; used under the database's lock, like the data version it is valid for. */
    private final Map<String, ApiKey> found = new HashMap<>();

    private int foundAtVersion = -1;

    public SqlApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey k) {
        db.run(dsl -> forget(dsl)
                .insertInto(API_KEYS)
                .set(API_KEYS.ID, k.id())
                .set(API_KEYS.ORGANIZATION_ID, k.organizationId())
                .set(API_KEYS.USER_ID, k.userId())
                .set(API_KEYS.NAME, k.name())
                .set(API_KEYS.KEY_PREFIX, k.keyPrefix())
                .set(API_KEYS.KEY_HASH, k.keyHash())
                .set(API_KEYS.CREATED_AT, k.createdAt())
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return db.with(dsl -> {
            int version = db.dataVersion();
            if (version != foundAtVersion) {
                found.clear();
                foundAtVersion = version;
            }
            ApiKey known = found.get(keyHash);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<ApiKey> key = dsl.selectFrom(API_KEYS)
                    .where(API_KEYS.KEY_HASH.eq(keyHash))
                    .fetchOptional(SqlApiKeyStore::toKey);
            if (!db.inTransactionNow()) {
                key.ifPresent(k -> found.put(keyHash, k));
            }
            return key;
        });
    }

    @Override
    public List<ApiKey> list() {
        return db.with(dsl ->
                dsl.selectFrom(API_KEYS).orderBy(API_KEYS.CREATED_AT.desc()).fetch(SqlApiKeyStore::toKey));
    }

    @Override
    public int revoke(String idOrPrefix, String at) {
        return db.with(dsl -> forget(dsl)
                .update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, at)
                .where(API_KEYS.ID.eq(idOrPrefix).or(API_KEYS.KEY_PREFIX.eq(idOrPrefix)))
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute());
    }

    @Override
    public void touch(String id, String at) {
        db.run(dsl -> forget(dsl)
                .update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, at)
                .where(API_KEYS.ID.eq(id))
                .execute());
    }

    @Override
    public int countActive() {
        return db.with(dsl -> dsl.fetchCount(API_KEYS, API_KEYS.REVOKED_AT.isNull()));
    }

    /** Drops the keys kept before a write (under the lock, inside the write's own use of the database). */
    private DSLContext forget(DSLContext dsl) {
        found.clear();
        return dsl;
    }

    private static ApiKey toKey(ApiKeysRecord r) {
        return new ApiKey(
                r.getId(),
                r.getOrganizationId(),
                r.getUserId(),
                r.getName(),
                r.getKeyPrefix(),
                r.getKeyHash(),
                r.getCreatedAt(),
                r.getLastUsedAt(),
                r.getRevokedAt());
    }
}
