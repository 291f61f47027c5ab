package dev.replicasmcp.domain.repository;

/**
 * Looks at a repository location before it is registered. Lives behind an interface because only the
 * runtime layer touches the file system; it throws a DomainException naming the field when the
 * location is not a git repository.
 */
public interface RepositoryInspector {

    RepositoryLocation inspect(String field, String pathOrUrl);
}
