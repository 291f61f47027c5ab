package dev.replicasmcp.domain.repository;

import java.util.List;
import java.util.Optional;

/** Persistence of repositories and repository sets, always scoped to one organization. */
public interface RepositoryStore {

    void insert(String organizationId, Repository repository);

    Optional<Repository> find(String organizationId, String id);

    Optional<Repository> findByName(String organizationId, String name);

    Optional<Repository> findByUrl(String organizationId, String url);

    List<Repository> list(String organizationId);

    void delete(String organizationId, String id);

    /** Names of the environments bound directly to the repository. */
    List<String> environmentsBoundTo(String organizationId, String repositoryId);

    void insertSet(String organizationId, RepositorySet set, String createdAt);

    Optional<RepositorySet> findSet(String organizationId, String id);

    Optional<RepositorySet> findSetByName(String organizationId, String name);

    List<RepositorySet> listSets(String organizationId);
}
