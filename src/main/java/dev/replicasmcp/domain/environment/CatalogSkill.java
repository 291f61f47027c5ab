package dev.replicasmcp.domain.environment;

/** A skill that can be enabled: from the catalog shipped with the program or a folder in the data folder. */
public record CatalogSkill(String name, String slug, String source, String description, int installs) {}
