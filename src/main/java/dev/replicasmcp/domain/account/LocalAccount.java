package dev.replicasmcp.domain.account;

import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import java.time.Clock;

/** The organization and user a local install acts as; made on first start. */
public record LocalAccount(String organizationId, String organizationName, String userId, String userEmail) {

    public Caller caller() {
        return new Caller(organizationId, userId, Actor.STDIO);
    }

    /** Finds the local account, creating it the first time. */
    public static LocalAccount ensure(LocalAccountStore store, Transactions tx, Clock clock, Ids ids) {
        return tx.inTransaction(() -> store.find().orElseGet(() -> {
            String user = System.getProperty("user.name", "local");
            LocalAccount account = new LocalAccount(ids.get(), "Local", ids.get(), user + "@localhost");
            store.insert(account, Timestamps.now(clock));
            return account;
        }));
    }
}
