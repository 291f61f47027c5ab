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

    @Override
    public Optional<LocalAccount> find() {
        return db.with(dsl -> dsl.select(ORGANIZATIONS.ID, ORGANIZATIONS.NAME, USERS.ID, USERS.EMAIL)
                .from(ORGANIZATIONS)
                .join(MEMBERSHIPS)
                .on(MEMBERSHIPS.ORGANIZATION_ID.eq(ORGANIZATIONS.ID))
                .join(USERS)
                .on(USERS.ID.eq(MEMBERSHIPS.USER_ID))
                .where(ORGANIZATIONS.IS_LOCAL.eq(1))
                .limit(1)
                .fetchOptional(r -> new LocalAccount(r.value1(), r.value2(), r.value3(), r.value4())));
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
