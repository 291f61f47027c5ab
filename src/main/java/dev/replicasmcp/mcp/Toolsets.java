package dev.replicasmcp.mcp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named groups tools come in. The default ones carry a whole first session (repository →
 * environment → replica → messages → history) within a small tools/list; the rest is offered with
 * --toolsets, or mid-session with enable_toolset. Names are part of the interface: keep them stable.
 */
public final class Toolsets {

    /** A group of tools; byDefault: offered when --toolsets is not given. */
    public record Toolset(String name, String description, boolean byDefault) {
    }

    public static final String REPLICAS = "replicas";
    public static final String REPOSITORIES = "repositories";
    public static final String ENVIRONMENTS = "environments";
    public static final String ENVIRONMENT_CONTENTS = "environment_contents";
    public static final String SKILLS = "skills";
    public static final String HOOKS = "hooks";
    public static final String WARM_POOLS = "warm_pools";
    public static final String AGENTS = "agents";
    /** list_toolsets and enable_toolset: always offered, never selected. */
    public static final String DYNAMIC = "dynamic";

    /** Every selectable toolset, in the order list_toolsets and the README show them. */
    public static final List<Toolset> ALL = List.of(
            new Toolset(REPLICAS, "Replicas, their chats, messages, history and hook logs", true),
            new Toolset(REPOSITORIES, "Register git repositories and group them into sets", true),
            new Toolset(ENVIRONMENTS, "Create, read, change and delete environments", true),
            new Toolset(ENVIRONMENT_CONTENTS, "An environment's variables, files and MCP servers", false),
            new Toolset(SKILLS, "Search the skill catalog; enable skills on environments", false),
            new Toolset(HOOKS, "An environment's start and warm hooks: read, save, test", false),
            new Toolset(WARM_POOLS, "Warm pools of prepared workspaces: state, on/off, workspaces", false),
            new Toolset(AGENTS, "Agent credentials and which agents can run here", false));

    /** What --toolsets accepts besides toolset names. */
    public static final String EVERY = "all";
    public static final String DEFAULTS = "default";

    private Toolsets() {
    }

    public static Optional<Toolset> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Toolset::name).toList();
    }

    public static Set<String> defaults() {
        return ALL.stream().filter(Toolset::byDefault).map(Toolset::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The toolsets a --toolsets value selects: none given means the default ones; 'all' every one;
     * 'default' the default ones (so 'default,hooks' adds one). An unknown name is an error listing the
     * known ones.
     */
    public static Set<String> select(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return defaults();
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String raw : requested) {
            String name = raw.trim();
            if (name.equals(EVERY)) {
                selected.addAll(names());
            } else if (name.equals(DEFAULTS)) {
                selected.addAll(defaults());
            } else if (find(name).isPresent()) {
                selected.add(name);
            } else {
                throw new IllegalArgumentException(unknown(name) + " Also accepted: " + EVERY + ", " + DEFAULTS + ".");
            }
        }
        return selected;
    }

    /** The message for a toolset name that does not exist. */
    public static String unknown(String name) {
        return "Unknown toolset '" + name + "'. Known toolsets: " + String.join(", ", names()) + ".";
    }
}
