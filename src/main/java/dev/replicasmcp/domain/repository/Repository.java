package dev.replicasmcp.domain.repository;

/** A git repository registered with the organization: a local path (as a file: URL) or a remote URL. */
public record Repository(String id, String name, String url, String defaultBranch, String createdAt) {}
