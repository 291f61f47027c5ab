package dev.replicasmcp.storage;

import dev.replicasmcp.storage.jooq.Tables;

/**
 * jOOQ's first use, made once and outside the database's lock. SQLDataType registers the data types of every
 * SQL dialect jOOQ knows, and our generated tables build their columns on them: ~65 ms of CPU in a fresh
 * process when jOOQ's classes are in the start-up cache, 28 of jOOQ's own lambdas made at run time among it
 * (they are serializable, which no AOT cache keeps); ~0.4 s with its classes loaded from the jar, as on
 * Java 25, whose start-up archive leaves them out (scripts/cds-train).
 *
 * <p>A start needs none of it: the database opens, the services are wired, recovery finds nothing to repair
 * and a first {@code list_replicas} answers in plain SQL ({@link Database#query}). The first read or write
 * through jOOQ pays it instead, usually a background pass three seconds after the start (Core); outside the
 * lock, so plain reads behind it do not wait for it.
 */
final class JooqStart {

    private JooqStart() {}

    /** Initialises jOOQ's data types and every generated table (each class once, whichever thread asks first). */
    static void initialise() {
        Tables.REPLICAS.getName();
    }
}
