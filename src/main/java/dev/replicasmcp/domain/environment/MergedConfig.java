package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.hook.HookRequest;
import java.util.List;
import java.util.Map;

/**
 * Global's contents layered under an environment's (spec §8.2): variables by key, files by path, skills
 * by slug and MCP servers by name, the environment winning each tie. Hooks run Global's first.
 */
public record MergedConfig(
        Map<String, String> variables,
        List<EnvironmentFile> files,
        List<EnvironmentSkill> skills,
        List<EnvironmentMcp> mcps,
        List<NamedHook> warmHooks,
        List<NamedHook> startHooks) {

    /** A hook script with the name it is logged under. */
    public record NamedHook(String name, String script) {}

    public List<HookRequest.WorkspaceFile> workspaceFiles() {
        return files.stream()
                .map(f -> new HookRequest.WorkspaceFile(f.path(), f.content()))
                .toList();
    }
}
