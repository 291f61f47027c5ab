package dev.replicasmcp.storage;

import dev.replicasmcp.storage.jooq.Tables;

/**
 * jOOQ's first use, made once and outside the database's lock. SQLDataType registers the data types of every
 * SQL dialect jOOQ knows, and our generated tables build their columns on them: ~65 ms of CPU in a fresh
 * process (with the AOT cache, more before anything is compiled), 28 of jOOQ's own lambdas made at run time
 * among it (they are serializable, which the AOT cache cannot keep).
 *
 * <p>A start needs none of it: the database opens, the services are wired, recovery finds nothing to repair
 * and a first {@code list_replicas} answers in plain SQL ({@link Database#query}). The first read or write
 * through jOOQ pays it instead, usually a background pass right after the start; outside the lock, so plain
 * reads behind it do not wait for it.
 */
final class JooqStart {

    private JooqStart() {}

    /** Initialises jOOQ's data types and every generated table (each class once, whichever thread asks first). */
    static void initialise() {
        Tables.REPLICAS.getName();
    }
}
