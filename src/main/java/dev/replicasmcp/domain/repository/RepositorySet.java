package dev.replicasmcp.domain.repository;

import java.util.List;

/** A named group of repositories that an environment can be bound to. */
public record RepositorySet(String id, String name, String description, List<Repository> repositories) {}
