package dev.replicasmcp.domain;

import java.util.function.Supplier;

/**
 * Runs several store calls as one atomic unit. Store calls made inside join the transaction,
 * so a service can check a rule and write in one step, with nothing half-written on failure.
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
