package dev.replicasmcp.e2e;

import static dev.replicasmcp.e2e.BadInputIT.MALFORMED;
import static dev.replicasmcp.e2e.BadInputIT.UNKNOWN;

import dev.replicasmcp.e2e.BadInputIT.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad-input cases of the environment tools: what BadInputIT runs for each of them. */
final class EnvironmentBadInput {

    /** What the fixture environment holds, so ids of the right kind (and of the wrong environment) exist. */
    record Ids(String env, String variable, String file, String mcp, String skill, String pool) {}

    private final List<Case> cases = new ArrayList<>();

    private EnvironmentBadInput() {}

    static List<Case> cases(Ids ids) {
        EnvironmentBadInput c = new EnvironmentBadInput();
        c.environments(ids);
        c.variablesAndFiles(ids);
        c.mcpsAndSkills(ids);
        c.hooksAndPool(ids);
        return c.cases;
    }

    private void environments(Ids ids) {
        String env = ids.env();
        environmentRef("update_environment", Map.of("name", "x"));
        add("update_environment", Map.of("environment_id", "global", "name", "x"), "Global", "_environment_variable");
        add("update_environment", Map.of("environment_id", env, "name", 7), "name");
        add("update_environment", Map.of("environment_id", env, "name", "bad-input-other"), "bad-input-other");
        add("update_environment", Map.of("environment_id", env, "clear", "description"), "clear");
        add("update_environment", Map.of("environment_id", env, "clear", List.of("name")), "clear", "name");
        add(
                "update_environment",
                Map.of("environment_id", env, "repository_id", UNKNOWN, "repository_set_id", UNKNOWN),
                "repository_id",
                "repository_set_id");
        add("update_environment", Map.of("environment_id", env, "repository_id", UNKNOWN), UNKNOWN);
        add("update_environment", Map.of("environment_id", env, "repository_set_id", MALFORMED), MALFORMED);
        environmentRef("delete_environment", Map.of());
        add("delete_environment", Map.of("environment_id", "global"), "Global");
        add("delete_environment", Map.of("environment_id", env), "bad-input");
    }

    private void variablesAndFiles(Ids ids) {
        String env = ids.env();
        environmentRef("list_environment_variables", Map.of());
        environmentRef("create_environment_variable", Map.of("key", "K", "value", "v"));
        missing("create_environment_variable", Map.of("environment_id", env, "value", "v"), "key");
        missing("create_environment_variable", Map.of("environment_id", env, "key", "K"), "value");
        add("create_environment_variable", Map.of("environment_id", env, "key", 5, "value", "v"), "key");
        add("create_environment_variable", Map.of("environment_id", env, "key", "K", "value", 5), "value");
        add("create_environment_variable", Map.of("environment_id", env, "key", "K", "value", List.of("v")), "value");
        add("create_environment_variable", Map.of("environment_id", env, "key", "1BAD", "value", "v"), "key", "1BAD");
        add(
                "create_environment_variable",
                Map.of("environment_id", env, "key", "API_TOKEN", "value", "v"),
                "API_TOKEN",
                ids.variable());
        add(
                "create_environment_variable",
                Map.of("environment_id", env, "key", "BIG", "value", "v".repeat(65_537)),
                "value",
                "65537",
                "65536");
        String var = ids.variable();
        missing("update_environment_variable", Map.of("environment_id", env), "variable_id");
        missing("update_environment_variable", Map.of("variable_id", var), "environment_id");
        idCases("update_environment_variable", env, "variable_id", Map.of("value", "v"));
        add("update_environment_variable", Map.of("environment_id", env, "variable_id", var, "key", "bad key"), "key");
        add("update_environment_variable", Map.of("environment_id", env, "variable_id", var, "key", "OTHER"), "OTHER");
        add("update_environment_variable", Map.of("environment_id", env, "variable_id", var, "value", 5), "value");
        add("update_environment_variable", Map.of("environment_id", "global", "variable_id", var), var);
        add("update_environment_variable", Map.of("environment_id", UNKNOWN, "variable_id", var), UNKNOWN);
        missing("delete_environment_variable", Map.of("environment_id", env), "variable_id");
        idCases("delete_environment_variable", env, "variable_id", Map.of());
        add("delete_environment_variable", Map.of("environment_id", "global", "variable_id", var), var);
        add("delete_environment_variable", Map.of("environment_id", MALFORMED, "variable_id", var), MALFORMED);

        environmentRef("list_environment_files", Map.of());
        environmentRef("create_environment_file", Map.of("name", "n", "path", "~/p", "content", "c"));
        missing("create_environment_file", Map.of("environment_id", env, "path", "~/p", "content", "c"), "name");
        missing("create_environment_file", Map.of("environment_id", env, "name", "n", "content", "c"), "path");
        missing("create_environment_file", Map.of("environment_id", env, "name", "n", "path", "~/p"), "content");
        add("create_environment_file", file(env, "~/p", 5), "content");
        add("create_environment_file", Map.of("environment_id", env, "name", 5, "path", "~/p", "content", "c"), "name");
        for (String path : List.of("/etc/passwd", "relative/p", "~/a/../b", "~/dir/", "~/a\u0000b")) {
            add("create_environment_file", file(env, path, "c"), "path");
        }
        add("create_environment_file", file(env, "~/big", "é".repeat(32_769)), "content", "65538", "65536");
        String fileId = ids.file();
        missing("update_environment_file", Map.of("environment_id", env), "file_id");
        idCases("update_environment_file", env, "file_id", Map.of("name", "n"));
        add("update_environment_file", Map.of("environment_id", env, "file_id", fileId, "path", "relative"), "path");
        add("update_environment_file", Map.of("environment_id", env, "file_id", fileId, "content", 5), "content");
        add("update_environment_file", Map.of("environment_id", "global", "file_id", fileId), fileId);
        missing("delete_environment_file", Map.of("environment_id", env), "file_id");
        idCases("delete_environment_file", env, "file_id", Map.of());
        add("delete_environment_file", Map.of("environment_id", "global", "file_id", fileId), fileId);
    }

    private void mcpsAndSkills(Ids ids) {
        String env = ids.env();
        Map<String, Object> http = Map.of("url", "https://mcp.example/mcp");
        environmentRef("list_environment_mcps", Map.of());
        environmentRef("create_environment_mcp", Map.of("name", "n", "transport", "http", "config", http));
        missing("create_environment_mcp", Map.of("environment_id", env, "transport", "http", "config", http), "name");
        missing("create_environment_mcp", Map.of("environment_id", env, "name", "n", "config", http), "transport");
        missing("create_environment_mcp", Map.of("environment_id", env, "name", "n", "transport", "http"), "config");
        add("create_environment_mcp", mcp(env, "relay-x", "http", http), "name", "relay-");
        add("create_environment_mcp", mcp(env, "REPLICAS-x", "http", http), "name", "replicas-");
        add("create_environment_mcp", mcp(env, "bad name", "http", http), "name");
        add("create_environment_mcp", mcp(env, "a".repeat(65), "http", http), "name");
        add("create_environment_mcp", mcp(env, 5, "http", http), "name");
        add("create_environment_mcp", mcp(env, "n", "websocket", http), "transport", "stdio, http, sse");
        add("create_environment_mcp", mcp(env, "n", 5, http), "transport");
        add("create_environment_mcp", mcp(env, "n", "http", "npx"), "config");
        add("create_environment_mcp", mcp(env, "n", "stdio", Map.of("command", 5)), "config.command");
        add("create_environment_mcp", mcp(env, "n", "stdio", Map.of("command", "npx", "args", "-y")), "config.args");
        add(
                "create_environment_mcp",
                mcp(env, "n", "stdio", Map.of("command", "npx", "env", Map.of("A", 1))),
                "config.env.A");
        add("create_environment_mcp", mcp(env, "n", "stdio", Map.of("command", "npx", "url", "x")), "config.url");
        add("create_environment_mcp", mcp(env, "n", "sse", Map.of("url", "ftp://x.example")), "config.url");
        add(
                "create_environment_mcp",
                mcp(env, "n", "http", Map.of("url", "https://x.example", "headers", Map.of("A", 1))),
                "config.headers.A");
        add("create_environment_mcp", mcp(env, "tracker", "http", http), "tracker", ids.mcp());
        String mcpId = ids.mcp();
        missing("update_environment_mcp", Map.of("environment_id", env), "mcp_id");
        idCases("update_environment_mcp", env, "mcp_id", Map.of("name", "n"));
        add(
                "update_environment_mcp",
                Map.of("environment_id", env, "mcp_id", mcpId, "transport", "stdio"),
                "transport",
                "config");
        add(
                "update_environment_mcp",
                Map.of("environment_id", env, "mcp_id", mcpId, "config", Map.of("command", "npx")),
                "config.command",
                "http");
        add("update_environment_mcp", Map.of("environment_id", env, "mcp_id", mcpId, "name", "docs"), "docs");
        add("update_environment_mcp", Map.of("environment_id", env, "mcp_id", mcpId, "name", 5), "name");
        add("update_environment_mcp", Map.of("environment_id", env, "mcp_id", mcpId, "transport", "ftp"), "transport");
        add("update_environment_mcp", Map.of("environment_id", "global", "mcp_id", mcpId, "name", "n"), mcpId);
        missing("delete_environment_mcp", Map.of("environment_id", env), "mcp_id");
        idCases("delete_environment_mcp", env, "mcp_id", Map.of());

        environmentRef("list_environment_skills", Map.of());
        environmentRef("enable_environment_skill", Map.of("slug", "debugging"));
        missing("enable_environment_skill", Map.of("environment_id", env), "slug");
        add("enable_environment_skill", Map.of("environment_id", env, "slug", 5), "slug");
        add("enable_environment_skill", Map.of("environment_id", env, "slug", "Bad Slug"), "slug");
        add(
                "enable_environment_skill",
                Map.of("environment_id", env, "slug", "not-in-catalog"),
                "not-in-catalog",
                "name");
        add("enable_environment_skill", Map.of("environment_id", env, "slug", "not-in-catalog", "name", "N"), "source");
        add("enable_environment_skill", Map.of("environment_id", env, "slug", "debugging", "name", 5), "name");
        add("enable_environment_skill", Map.of("environment_id", env, "slug", "tdd"), "tdd", ids.skill());
        missing("disable_environment_skill", Map.of("environment_id", env), "skill_id");
        idCases("disable_environment_skill", env, "skill_id", Map.of());
        add("disable_environment_skill", Map.of("environment_id", "global", "skill_id", ids.skill()), ids.skill());
        add("search_skill_catalog", Map.of("q", 5), "q");
        add("search_skill_catalog", Map.of("q", List.of("tdd")), "q");
        add("search_skill_catalog", Map.of("q", Map.of("text", "tdd")), "q");
    }

    private void hooksAndPool(Ids ids) {
        String env = ids.env();
        for (String tool : List.of("get_warm_hooks_state", "get_start_hook")) {
            environmentRef(tool, Map.of());
        }
        for (String tool : List.of("test_warm_hook", "test_start_hook", "save_and_test_warm_hook")) {
            environmentRef(tool, Map.of("content", "echo"));
            missing(tool, Map.of("environment_id", env), "content");
            add(tool, Map.of("environment_id", env, "content", 5), "content");
            add(tool, Map.of("environment_id", env, "content", "echo", "timeout_seconds", 0), "timeout_seconds", "900");
            add(tool, Map.of("environment_id", env, "content", "echo", "timeout_seconds", 901), "timeout_seconds");
            add(tool, Map.of("environment_id", env, "content", "echo", "timeout_seconds", "abc"), "timeout_seconds");
            add(tool, Map.of("environment_id", env, "content", "echo", "timeout_seconds", 1.5), "timeout_seconds");
            add(tool, Map.of("environment_id", env, "content", "x".repeat(100_001)), "content", "100000");
        }
        for (String tool : List.of("save_warm_hook", "save_start_hook")) {
            environmentRef(tool, Map.of("content", "echo"));
            missing(tool, Map.of("environment_id", env), "content");
            add(tool, Map.of("environment_id", env, "content", List.of("echo")), "content");
            add(tool, Map.of("environment_id", env, "content", "echo \u0000"), "content", "NUL");
            add(tool, Map.of("environment_id", env, "content", "x".repeat(100_001)), "content", "100000");
        }
        environmentRef("set_warm_pool", Map.of("enabled", true));
        missing("set_warm_pool", Map.of("environment_id", env), "enabled");
        add("set_warm_pool", Map.of("environment_id", env, "enabled", "yes"), "enabled");
        add("set_warm_pool", Map.of("environment_id", env, "enabled", 1), "enabled");
        missing("list_warm_pool_workspaces", Map.of(), "config_id");
        add("list_warm_pool_workspaces", Map.of("config_id", 5), "config_id");
        add("list_warm_pool_workspaces", Map.of("config_id", UNKNOWN), UNKNOWN, "config_id");
        add("list_warm_pool_workspaces", Map.of("config_id", MALFORMED), MALFORMED);
        add("list_warm_pool_workspaces", Map.of("config_id", ids.env()), ids.env());
    }

    /** environment_id missing, of the wrong type, unknown and malformed; the other arguments are valid. */
    private void environmentRef(String tool, Map<String, Object> rest) {
        missing(tool, rest, "environment_id");
        add(tool, with(rest, "environment_id", 3), "environment_id");
        add(tool, with(rest, "environment_id", UNKNOWN), UNKNOWN);
        add(tool, with(rest, "environment_id", MALFORMED), MALFORMED);
    }

    /** A nested id of the wrong type, unknown and malformed. */
    private void idCases(String tool, String env, String field, Map<String, Object> rest) {
        Map<String, Object> base = with(rest, "environment_id", env);
        add(tool, with(base, field, 5), field);
        add(tool, with(base, field, UNKNOWN), UNKNOWN, field);
        add(tool, with(base, field, MALFORMED), MALFORMED);
    }

    private static Map<String, Object> file(String env, String path, Object content) {
        return Map.of("environment_id", env, "name", "n", "path", path, "content", content);
    }

    private static Map<String, Object> mcp(String env, Object name, Object transport, Object config) {
        return Map.of("environment_id", env, "name", name, "transport", transport, "config", config);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private void add(String tool, Map<String, Object> args, String... mentions) {
        cases.add(new Case(tool, args, List.of(mentions)));
    }

    private void missing(String tool, Map<String, Object> args, String field) {
        cases.add(new Case(tool, args, List.of("'" + field + "' is required")));
    }
}
