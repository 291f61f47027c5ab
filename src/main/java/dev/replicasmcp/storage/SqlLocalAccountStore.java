package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.MEMBERSHIPS;
import static dev.replicasmcp.storage.jooq.Tables.ORGANIZATIONS;
import static dev.replicasmcp.storage.jooq.Tables.USERS;

import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.account.LocalAccountStore;
import java.util.Optional;

/** The local organization (is_local = 1), its admin user and their membership. */
public final class SqlLocalAccountStore implements LocalAccountStore {

    private final Database db;

    public SqlLocalAccountStore(Database db) {
        this.db = db;
    }

    /**
     * Plain SQL: every start reads the local account, and jOOQ is not needed to start ({@link JooqStart}).
     * StorageTest reads it back after {@link #insert}.
     */
    private static final String FIND = "SELECT o.id, o.name, u.id, u.email FROM organizations o"
            + " JOIN memberships m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id"
            + " WHERE o.is_local = 1 LIMIT 1";

    @Override
    public Optional<LocalAccount> find() {
        return db
                .query(FIND, r -> new LocalAccount(r.getString(1), r.getString(2), r.getString(3), r.getString(4)))
                .stream()
                .findFirst();
    }

    @Override
    public void insert(LocalAccount account, String createdAt) {
        db.run(dsl -> {
            dsl.insertInto(ORGANIZATIONS)
                    .set(ORGANIZATIONS.ID, account.organizationId())
                    .set(ORGANIZATIONS.NAME, account.organizationName())
                    .set(ORGANIZATIONS.IS_LOCAL, 1)
                    .set(ORGANIZATIONS.CREATED_AT, createdAt)
                    .execute();
            dsl.insertInto(USERS)
                    .set(USERS.ID, account.userId())
                    .set(USERS.EMAIL, account.userEmail())
                    .set(USERS.CREATED_AT, createdAt)
                    .execute();
            dsl.insertInto(MEMBERSHIPS)
                    .set(MEMBERSHIPS.ORGANIZATION_ID, account.organizationId())
                    .set(MEMBERSHIPS.USER_ID, account.userId())
                    .set(MEMBERSHIPS.ROLE, "admin")
                    .execute();
        });
    }
}
