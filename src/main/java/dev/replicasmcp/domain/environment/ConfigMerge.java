package dev.replicasmcp.domain.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads Global and an environment and layers them (spec §8.2). */
public final class ConfigMerge {

    private final EnvironmentConfigStore store;

    public ConfigMerge(EnvironmentConfigStore store) {
        this.store = store;
    }

    public MergedConfig merge(Environment global, Environment environment) {
        List<Environment> layers =
                environment.id().equals(global.id()) ? List.of(global) : List.of(global, environment);
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, EnvironmentFile> files = new LinkedHashMap<>();
        Map<String, EnvironmentSkill> skills = new LinkedHashMap<>();
        Map<String, EnvironmentMcp> mcps = new LinkedHashMap<>();
        List<MergedConfig.NamedHook> warm = new ArrayList<>();
        List<MergedConfig.NamedHook> start = new ArrayList<>();
        for (Environment layer : layers) {
            store.variables(layer.id()).forEach(v -> variables.put(v.key(), v.value()));
            // Within one environment the most recently updated file wins a shared path.
            store.files(layer.id()).stream()
                    .sorted((a, b) -> a.updatedAt().compareTo(b.updatedAt()))
                    .forEach(f -> put(files, f, EnvironmentFile::path));
            store.skills(layer.id()).forEach(s -> put(skills, s, EnvironmentSkill::slug));
            store.mcps(layer.id()).forEach(m -> put(mcps, m, EnvironmentMcp::name));
            String name = layer.isGlobal() ? "global" : layer.name();
            store.activeHook(layer.id(), HookKind.WARM)
                    .filter(h -> !h.content().isBlank())
                    .ifPresent(h -> warm.add(new MergedConfig.NamedHook(name, h.content())));
            store.activeHook(layer.id(), HookKind.START)
                    .filter(h -> !h.content().isBlank())
                    .ifPresent(h -> start.add(new MergedConfig.NamedHook(name, h.content())));
        }
        return new MergedConfig(
                variables,
                List.copyOf(files.values()),
                List.copyOf(skills.values()),
                List.copyOf(mcps.values()),
                warm,
                start);
    }

    /** Re-inserting moves the winner to the end, so the merged order stays stable and readable. */
    private static <T> void put(Map<String, T> map, T value, Function<T, String> key) {
        map.remove(key.apply(value));
        map.put(key.apply(value), value);
    }
}
