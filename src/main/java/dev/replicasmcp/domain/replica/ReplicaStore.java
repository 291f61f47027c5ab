package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.util.List;
import java.util.Optional;

/** Persistence of replicas. Deleted replicas are kept as rows but never found. */
public interface ReplicaStore {

    void insert(Replica replica);

    Optional<Replica> find(String organizationId, String id);

    /**
     * As {@link #find}, with the replica's own columns only: its repositories and pull requests are left
     * empty. For callers that read nothing else of it (a message being sent), two reads fewer.
     */
    Optional<Replica> findWithoutLinks(String organizationId, String id);

    /** For background work that already knows the replica exists; still skips deleted ones. */
    Optional<Replica> findById(String id);

    /** Newest first; archived ones by last activity when that is the filter. */
    List<Replica> page(String organizationId, ReplicaFilter filter, int offset, int limit);

    int count(String organizationId, ReplicaFilter filter);

    void updateStatus(String id, ReplicaStatus status, boolean waking, String at);

    void touch(String id, String at);

    void setCodingAgent(String id, CodingAgent agent);

    void markDeleted(String id, String at);

    void markError(String id, String message, String at);

    /** Every repository of the replica. */
    void markStartHooksCompleted(String id);

    void markStartHooksCompleted(String id, String repositoryId);

    List<Replica> inStatus(ReplicaStatus status);

    /**
     * Active replicas, not waking, whose last activity (or creation) is before shortestBefore and, for those
     * without a window of their own, before defaultBefore. The caller checks each one's own window.
     */
    List<Replica> idleActive(String defaultBefore, String shortestBefore);

    /** Ids of replicas asleep since before the given time. */
    List<String> sleepingBefore(String sleepingSinceBefore);
}
