package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;

/** Finds a caller's live replica or says, naming the id, how to find the right one. */
public final class ReplicaLookup {

    private final ReplicaStore store;

    public ReplicaLookup(ReplicaStore store) {
        this.store = store;
    }

    public Replica require(Caller caller, String id) {
        Validation.required("replica_id", id);
        // A malformed id is answered as not found (spec §1.4), never as a crash.
        return store.find(caller.organizationId(), id.trim()).orElseThrow(() -> notFound(id));
    }

    /** As {@link #require}, its repositories and pull requests left empty (see ReplicaStore#findWithoutLinks). */
    public Replica requireWithoutLinks(Caller caller, String id) {
        Validation.required("replica_id", id);
        return store.findWithoutLinks(caller.organizationId(), id.trim()).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("No replica with id '" + Validation.abbreviate(id, 60)
                + "' (field 'replica_id'). " + "It may have been deleted; call list_replicas to see the ids.");
    }
}
