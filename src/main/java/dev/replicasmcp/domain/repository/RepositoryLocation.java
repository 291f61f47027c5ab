package dev.replicasmcp.domain.repository;

/** What inspecting a path or URL found: its canonical URL, a suggested name and its default branch. */
public record RepositoryLocation(String url, String suggestedName, String defaultBranch) {}
