package dev.replicasmcp.ops;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named groups operations come in. The default ones carry a whole first session (repository →
 * environment → replica → messages → history) within a small tools/list; the rest is offered with
 * --toolsets, or mid-session with enable_toolset. Wire names are part of the interface: keep them stable.
 */
public enum Toolset {
    REPLICAS("replicas", "Replicas, their chats, messages, history and hook logs", true),
    REPOSITORIES("repositories", "Register git repositories and group them into sets", true),
    ENVIRONMENTS("environments", "Create, read, change and delete environments", true),
    ENVIRONMENT_CONTENTS("environment_contents", "An environment's variables, files and MCP servers", false),
    SKILLS("skills", "Search the skill catalog; enable skills on environments", false),
    HOOKS("hooks", "An environment's start and warm hooks: read, save, test", false),
    WARM_POOLS("warm_pools", "Warm pools of prepared workspaces: state, on/off, workspaces", false),
    AGENTS("agents", "Agent credentials and which agents can run here", false),
    ADMIN("admin", "The audit log: who changed which configuration, when, before and after", false),
    AUTOMATIONS(
            "automations",
            "Automations: scheduled, webhook and event-triggered runs, their executions and integrations",
            false),
    /** list_toolsets and enable_toolset: always offered, never selected. */
    DYNAMIC("dynamic", "Discover and switch on toolsets", false);

    /** What --toolsets accepts besides toolset names. */
    public static final String EVERY = "all";

    public static final String DEFAULTS = "default";

    private final String wire;
    private final String description;
    private final boolean byDefault;

    Toolset(String wire, String description, boolean byDefault) {
        this.wire = wire;
        this.description = description;
        this.byDefault = byDefault;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    public boolean byDefault() {
        return byDefault;
    }

    /** Every selectable toolset, in the order list_toolsets and the README show them. */
    public static List<Toolset> selectable() {
        return Arrays.stream(values()).filter(t -> t != DYNAMIC).toList();
    }

    public static Optional<Toolset> find(String name) {
        return selectable().stream().filter(t -> t.wire.equals(name)).findFirst();
    }

    public static List<String> names() {
        return selectable().stream().map(Toolset::wire).toList();
    }

    public static Set<Toolset> defaults() {
        return selectable().stream().filter(Toolset::byDefault).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The toolsets a --toolsets value selects: none given means the default ones; 'all' every one;
     * 'default' the default ones (so 'default,hooks' adds one). An unknown name is an error listing the
     * known ones.
     */
    public static Set<Toolset> select(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return defaults();
        }
        Set<Toolset> selected = new LinkedHashSet<>();
        for (String raw : requested) {
            String name = raw.trim();
            if (name.equals(EVERY)) {
                selected.addAll(selectable());
            } else if (name.equals(DEFAULTS)) {
                selected.addAll(defaults());
            } else {
                selected.add(find(name)
                        .orElseThrow(() -> new IllegalArgumentException(
                                unknown(name) + " Also accepted: " + EVERY + ", " + DEFAULTS + ".")));
            }
        }
        return selected;
    }

    /** The message for a toolset name that does not exist. */
    public static String unknown(String name) {
        return "Unknown toolset '" + name + "'. Known toolsets: " + String.join(", ", names()) + ".";
    }
}
