package dev.replicasmcp.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bad-input cases of the environment tools, for {@link BadInputIT}. */
final class EnvironmentBadInputs {

    private EnvironmentBadInputs() {
    }

    /** Every tool on an environment names the environment it cannot find, and its own fields. */
    static void add(List<BadInputIT.Case> cases, String environmentId) {
        Map<String, Map<String, Object>> tools = new LinkedHashMap<>();
        tools.put("update_environment", Map.of("name", "renamed"));
        tools.put("delete_environment", Map.of());
        tools.put("list_environment_variables", Map.of());
        tools.put("create_environment_variable", Map.of("key", "K", "value", "v"));
        tools.put("update_environment_variable", Map.of("variable_id", BadInputIT.UNKNOWN));
        tools.put("delete_environment_variable", Map.of("variable_id", BadInputIT.UNKNOWN));
        tools.put("list_environment_files", Map.of());
        tools.put("create_environment_file", Map.of("name", "n", "path", "~/f", "content", "c"));
        tools.put("update_environment_file", Map.of("file_id", BadInputIT.UNKNOWN));
        tools.put("delete_environment_file", Map.of("file_id", BadInputIT.UNKNOWN));
        tools.put("list_environment_mcps", Map.of());
        tools.put("create_environment_mcp", Map.of("name", "m", "transport", "stdio", "config",
                Map.of("command", "npx", "args", List.of(), "env", Map.of())));
        tools.put("update_environment_mcp", Map.of("mcp_id", BadInputIT.UNKNOWN));
        tools.put("delete_environment_mcp", Map.of("mcp_id", BadInputIT.UNKNOWN));
        tools.put("list_environment_skills", Map.of());
        tools.put("enable_environment_skill", Map.of("slug", "tdd"));
        tools.put("disable_environment_skill", Map.of("skill_id", BadInputIT.UNKNOWN));
        tools.put("get_warm_hooks_state", Map.of());
        tools.put("test_warm_hook", Map.of("content", "echo"));
        tools.put("save_warm_hook", Map.of("content", "echo"));
        tools.put("save_and_test_warm_hook", Map.of("content", "echo"));
        tools.put("get_start_hook", Map.of());
        tools.put("save_start_hook", Map.of("content", "echo"));
        tools.put("test_start_hook", Map.of("content", "echo"));
        tools.put("set_warm_pool", Map.of("enabled", true));
        tools.forEach((tool, rest) -> {
            BadInputIT.missing(cases, tool, rest, "environment_id");
            BadInputIT.add(cases, tool, with(rest, "environment_id", 5), "environment_id");
            BadInputIT.add(cases, tool, with(rest, "environment_id", BadInputIT.UNKNOWN), BadInputIT.UNKNOWN);
            BadInputIT.add(cases, tool, with(rest, "environment_id", BadInputIT.MALFORMED), BadInputIT.MALFORMED);
        });
        Map<String, Object> global = Map.of("environment_id", "global");
        BadInputIT.add(cases, "update_environment", with(global, "name", "x"), "Global");
        BadInputIT.add(cases, "update_environment", Map.of("environment_id", environmentId, "clear", List.of("name")),
                "clear");
        BadInputIT.add(cases, "delete_environment", global, "Global");
        for (String[] idTool : new String[][] {{"update_environment_variable", "variable_id"},
                {"delete_environment_variable", "variable_id"}, {"update_environment_file", "file_id"},
                {"delete_environment_file", "file_id"}, {"update_environment_mcp", "mcp_id"},
                {"delete_environment_mcp", "mcp_id"}, {"disable_environment_skill", "skill_id"}}) {
            BadInputIT.missing(cases, idTool[0], global, idTool[1]);
            BadInputIT.add(cases, idTool[0], with(global, idTool[1], BadInputIT.UNKNOWN), BadInputIT.UNKNOWN);
        }
        BadInputIT.missing(cases, "create_environment_variable", with(global, "value", "v"), "key");
        BadInputIT.add(cases, "create_environment_variable", with(with(global, "key", "1 BAD"), "value", "v"), "key");
        BadInputIT.add(cases, "create_environment_file", with(with(with(global, "name", "n"), "path", "/etc/x"), "content", "c"),
                "path");
        BadInputIT.add(cases, "create_environment_mcp", with(with(with(global, "name", "m"), "transport", "pigeon"), "config",
                Map.of()), "transport");
        BadInputIT.missing(cases, "enable_environment_skill", global, "slug");
        BadInputIT.missing(cases, "save_warm_hook", global, "content");
        BadInputIT.add(cases, "save_start_hook", with(global, "content", 5), "content");
        BadInputIT.add(cases, "test_warm_hook", with(with(global, "content", "echo"), "timeout_seconds", 0), "timeout_seconds");
        BadInputIT.add(cases, "test_start_hook", with(with(global, "content", "echo"), "timeout_seconds", 901), "timeout_seconds");
        BadInputIT.missing(cases, "set_warm_pool", global, "enabled");
        BadInputIT.add(cases, "set_warm_pool", with(global, "enabled", "yes"), "enabled");
        BadInputIT.missing(cases, "list_warm_pool_workspaces", Map.of(), "config_id");
        BadInputIT.add(cases, "list_warm_pool_workspaces", Map.of("config_id", BadInputIT.UNKNOWN), BadInputIT.UNKNOWN);
        BadInputIT.add(cases, "list_warm_pool_workspaces", Map.of("config_id", BadInputIT.MALFORMED), BadInputIT.MALFORMED);
        BadInputIT.add(cases, "search_skill_catalog", Map.of("q", 5), "q");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
