package dev.replicasmcp.support;

import static dev.replicasmcp.storage.jooq.Tables.MEMBERSHIPS;
import static dev.replicasmcp.storage.jooq.Tables.ORGANIZATIONS;
import static dev.replicasmcp.storage.jooq.Tables.USERS;

import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SqlApiKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * A second organization with a user and an API key, written straight into the stores (the server
 * has no sign-up), through a connection of its own to the server's database file.
 */
public final class OtherOrganization {

    private OtherOrganization() {}

    /** Creates the organization and answers a key of it. */
    public static String create(Path databaseFile, String name) {
        try (Database db = Database.open(databaseFile)) {
            String org = UUID.randomUUID().toString();
            String user = UUID.randomUUID().toString();
            String now = Timestamps.now(Clock.systemUTC());
            db.run(dsl -> {
                dsl.insertInto(ORGANIZATIONS)
                        .set(ORGANIZATIONS.ID, org)
                        .set(ORGANIZATIONS.NAME, name)
                        .set(ORGANIZATIONS.CREATED_AT, now)
                        .execute();
                dsl.insertInto(USERS)
                        .set(USERS.ID, user)
                        .set(USERS.EMAIL, name + "@example.invalid")
                        .set(USERS.CREATED_AT, now)
                        .execute();
                dsl.insertInto(MEMBERSHIPS)
                        .set(MEMBERSHIPS.ORGANIZATION_ID, org)
                        .set(MEMBERSHIPS.USER_ID, user)
                        .set(MEMBERSHIPS.ROLE, "admin")
                        .execute();
            });
            return new ApiKeyService(new SqlApiKeyStore(db), Clock.systemUTC(), Ids.random())
                    .create(org, user, name + " key")
                    .plaintext();
        }
    }
}
