package dev.replicasmcp.domain.audit;

/**
 * What a long operation calls inside the short transaction that makes its change, so the audit entry
 * commits with that change (or not at all) while the clone, hook or agent stop around it runs without
 * holding the database.
 */
@FunctionalInterface
public interface ChangeRecorder<T> {

    /** before is null for a creation, after is null for a deletion. */
    void record(String resourceId, T before, T after);

    /** For calls that are not audited (background work, tests of the service itself). */
    static <T> ChangeRecorder<T> none() {
        return (id, before, after) -> {};
    }
}
