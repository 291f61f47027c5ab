package dev.replicasmcp.domain.environment;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of what an environment holds: variables, files, MCP servers, skills and hook versions.
 * Lists are oldest first. Secret material is encrypted by the implementation, never by callers.
 */
public interface EnvironmentConfigStore {

    List<EnvironmentVariable> variables(String environmentId);

    void saveVariable(EnvironmentVariable variable, boolean isNew);

    List<EnvironmentFile> files(String environmentId);

    void saveFile(EnvironmentFile file, boolean isNew);

    List<EnvironmentMcp> mcps(String environmentId);

    void saveMcp(EnvironmentMcp mcp, boolean isNew);

    List<EnvironmentSkill> skills(String environmentId);

    void insertSkill(EnvironmentSkill skill);

    /** Deletes a variable, file, MCP or skill row of the environment; false when there was none. */
    boolean delete(Item item, String environmentId, String id);

    Optional<HookScript> activeHook(String environmentId, HookKind kind);

    /** Stores a new version as the only active one of its kind. */
    HookScript saveHook(HookScript draft);

    /** The kinds of rows an environment holds. */
    enum Item {
        VARIABLE,
        FILE,
        MCP,
        SKILL
    }
}
