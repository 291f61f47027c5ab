package dev.replicasmcp.domain.environment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local skill catalog: searched by name, slug and description, and read when a skill is installed. */
public interface SkillCatalog {

    /** Case-insensitive substring search; an empty query lists the most installed first. */
    List<CatalogSkill> search(String query);

    Optional<CatalogSkill> find(String slug);

    /** The files of a skill (relative path → content), at least SKILL.md; empty when not in the catalog. */
    Map<String, String> files(String slug);
}
