package dev.replicasmcp.domain.environment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persistence of environments, scoped to one organization. */
public interface EnvironmentStore {

    void insert(Environment environment);

    void update(Environment environment);

    /** Deletes the environment, what it holds, and the leftover rows of replicas deleted earlier. */
    void delete(String organizationId, String id);

    /** Names of the live replicas created from the environment. */
    List<String> replicasUsing(String organizationId, String environmentId);

    /** Names of the automations that run in the environment, by name. */
    List<String> automationsUsing(String organizationId, String environmentId);

    Optional<Environment> find(String organizationId, String id);

    Optional<Environment> findByName(String organizationId, String name);

    Optional<Environment> findGlobal(String organizationId);

    /** Global first, then by name. */
    List<Environment> list(String organizationId);

    /** The oldest environment bound to the set, if any. */
    Optional<Environment> firstBoundToSet(String organizationId, String repositorySetId);

    /** The oldest environment bound directly to any of the repositories, if any. */
    Optional<Environment> firstBoundToAnyRepository(String organizationId, Collection<String> repositoryIds);
}
