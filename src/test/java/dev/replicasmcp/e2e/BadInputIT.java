package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.mcp.ToolCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool refuses bad input with a tool result (isError=true) that names the field or the id, and
 * the server keeps serving afterwards (an unknown tool is covered by {@link McpContractStdioIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";
    static final String MALFORMED = "not-a-uuid";
    /** Tools without arguments: nothing to get wrong, unknown arguments are ignored. */
    static final List<String> NO_ARGUMENTS = List.of("list_repositories", "list_repository_sets", "list_environments");

    @RegisterExtension
    static final ServerLogs LOGS = new ServerLogs();

    @TempDir
    static Path tmp;

    ServerProcess server;
    Flows.Setup fixture;
    String chatId;
    String notGit;
    EnvironmentBadInput.Ids environmentIds;
    volatile boolean stuck;

    record Case(String tool, Map<String, Object> args, List<String> mentions) {}

    @BeforeAll
    void startServer() throws Exception {
        Path repo = ServerProcess.gitRepository(tmp.resolve("bad-input-repo"));
        notGit = Files.createDirectories(tmp.resolve("not-a-repo")).toString();
        server = ServerProcess.start(tmp.resolve("data"), 0, LOGS);
        fixture = Flows.replica(server, repo, "bad-input", "hello");
        chatId = server.ok("list_chats", Map.of("replica_id", fixture.replicaId()))
                .path("chats")
                .path(0)
                .path("id")
                .asText();
        String env = fixture.environmentId();
        server.ok("create_environment", Map.of("name", "bad-input-other"));
        String variable = id(server.ok(
                        "create_environment_variable", Map.of("environment_id", env, "key", "API_TOKEN", "value", "v"))
                .path("environment_variable"));
        server.ok("create_environment_variable", Map.of("environment_id", env, "key", "OTHER", "value", "o"));
        String file = id(server.ok(
                        "create_environment_file",
                        Map.of("environment_id", env, "name", "f", "path", "~/f", "content", "c"))
                .path("environment_file"));
        Map<String, Object> http = Map.of("url", "https://mcp.example/mcp");
        String mcp = id(server.ok(
                        "create_environment_mcp",
                        Map.of("environment_id", env, "name", "tracker", "transport", "http", "config", http))
                .path("environment_mcp"));
        server.ok(
                "create_environment_mcp",
                Map.of("environment_id", env, "name", "docs", "transport", "http", "config", http));
        String skill = id(server.ok("enable_environment_skill", Map.of("environment_id", env, "slug", "tdd"))
                .path("environment_skill"));
        String pool = id(server.ok("set_warm_pool", Map.of("environment_id", env, "enabled", false))
                .path("warm_pool"));
        environmentIds = new EnvironmentBadInput.Ids(env, variable, file, mcp, skill, pool);
    }

    private static String id(JsonNode node) {
        return node.path("id").asText();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    List<Case> cases() {
        String repoId = fixture.repositoryId();
        String envId = fixture.environmentId();
        String replica = fixture.replicaId();
        List<Case> cases = new ArrayList<>();
        // Repositories
        missing(cases, "add_repository", Map.of(), "location");
        add(cases, "add_repository", Map.of("location", 42), "location");
        add(cases, "add_repository", Map.of("location", "relative/dir"), "location");
        add(cases, "add_repository", Map.of("location", "/no/such/folder/e2e"), "location", "/no/such/folder/e2e");
        add(cases, "add_repository", Map.of("location", notGit), "location", notGit);
        add(cases, "add_repository", Map.of("location", notGit, "name", Map.of("x", 1)), "name");
        add(
                cases,
                "add_repository",
                Map.of("location", tmp.resolve("bad-input-repo").toString(), "default_branch", "bad branch"),
                "default_branch");
        add(
                cases,
                "add_repository",
                Map.of("location", tmp.resolve("bad-input-repo").toString()),
                repoId);
        missing(cases, "delete_repository", Map.of(), "repository_id");
        add(cases, "delete_repository", Map.of("repository_id", 7), "repository_id");
        add(cases, "delete_repository", Map.of("repository_id", UNKNOWN), UNKNOWN);
        add(cases, "delete_repository", Map.of("repository_id", MALFORMED), MALFORMED);
        add(cases, "delete_repository", Map.of("repository_id", repoId), "bad-input-repo", "bad-input-env");
        missing(cases, "create_repository_set", Map.of("repository_ids", List.of(repoId)), "name");
        missing(cases, "create_repository_set", Map.of("name", "set"), "repository_ids");
        add(cases, "create_repository_set", Map.of("name", 5, "repository_ids", List.of(repoId)), "name");
        add(cases, "create_repository_set", Map.of("name", "set", "repository_ids", "abc"), "repository_ids");
        add(cases, "create_repository_set", Map.of("name", "set", "repository_ids", List.of()), "repository_ids");
        add(cases, "create_repository_set", Map.of("name", "set", "repository_ids", List.of(UNKNOWN)), UNKNOWN);
        add(cases, "create_repository_set", Map.of("name", "set", "repository_ids", List.of(MALFORMED)), MALFORMED);
        // Environments
        missing(cases, "create_environment", Map.of(), "name");
        add(cases, "create_environment", Map.of("name", 12), "name");
        add(cases, "create_environment", Map.of("name", "global"), "name");
        add(cases, "create_environment", Map.of("name", "bad-input-env"), "bad-input-env");
        add(cases, "create_environment", Map.of("name", "e", "repository_id", UNKNOWN), UNKNOWN);
        add(cases, "create_environment", Map.of("name", "e", "repository_id", MALFORMED), MALFORMED);
        add(cases, "create_environment", Map.of("name", "e", "repository_set_id", UNKNOWN), UNKNOWN);
        add(
                cases,
                "create_environment",
                Map.of("name", "e", "repository_id", repoId, "repository_set_id", UNKNOWN),
                "repository_set_id");
        missing(cases, "get_environment", Map.of(), "environment_id");
        add(cases, "get_environment", Map.of("environment_id", 3), "environment_id");
        add(cases, "get_environment", Map.of("environment_id", UNKNOWN), UNKNOWN);
        add(cases, "get_environment", Map.of("environment_id", MALFORMED), MALFORMED);
        // Replicas
        missing(cases, "create_replica", Map.of("message", "m", "environment_id", envId), "name");
        missing(cases, "create_replica", Map.of("name", "r", "environment_id", envId), "message");
        add(cases, "create_replica", Map.of("name", "has space", "message", "m", "environment_id", envId), "name");
        add(cases, "create_replica", Map.of("name", 5, "message", "m", "environment_id", envId), "name");
        add(cases, "create_replica", Map.of("name", "r", "message", List.of("m"), "environment_id", envId), "message");
        add(cases, "create_replica", Map.of("name", "r", "message", "m"), "environment_id");
        add(cases, "create_replica", Map.of("name", "r", "message", "m", "environment_id", UNKNOWN), UNKNOWN);
        add(cases, "create_replica", Map.of("name", "r", "message", "m", "environment_id", MALFORMED), MALFORMED);
        add(cases, "create_replica", Map.of("name", "r", "message", "m", "repository_ids", List.of(UNKNOWN)), UNKNOWN);
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "coding_agent", "gpt-9"),
                "coding_agent");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "coding_agent", "pi"),
                "coding_agent",
                "pi agent is not available");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "model", "x".repeat(101)),
                "model");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "lifecycle_policy", "forever"),
                "lifecycle_policy");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "thinking_level", "extreme"),
                "thinking_level");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "plan_mode", "yes"),
                "plan_mode");
        add(
                cases,
                "create_replica",
                Map.of("name", "r", "message", "m", "environment_id", envId, "images", "abc"),
                "images");
        add(
                cases,
                "create_replica",
                Map.of(
                        "name",
                        "r",
                        "message",
                        "m",
                        "environment_id",
                        envId,
                        "images",
                        List.of(Map.of(
                                "type",
                                "image",
                                "source",
                                Map.of("type", "base64", "media_type", "image/bmp", "data", "AAAA")))),
                "images[0]",
                "media_type");
        add(cases, "list_replicas", Map.of("limit", 0), "limit");
        add(cases, "list_audit_log", Map.of("limit", 201), "limit");
        add(cases, "list_audit_log", Map.of("page", "two"), "page");
        add(cases, "list_audit_log", Map.of("from", "yesterday"), "from");
        add(cases, "list_audit_log", Map.of("to", 5), "to");
        add(cases, "list_replicas", Map.of("limit", 101), "limit");
        add(cases, "list_replicas", Map.of("page", 0), "page");
        add(cases, "list_replicas", Map.of("limit", "abc"), "limit");
        add(cases, "list_replicas", Map.of("page", 1.5), "page");
        add(cases, "list_replicas", Map.of("status", "zombie"), "status");
        add(cases, "list_replicas", Map.of("source", "fax"), "source");
        add(cases, "list_replicas", Map.of("user_id", Map.of()), "user_id");
        for (String tool :
                List.of("get_replica", "delete_replica", "list_chats", "get_replica_hooks", "read_replica_history")) {
            missing(cases, tool, Map.of(), "replica_id");
            add(cases, tool, Map.of("replica_id", 5), "replica_id");
            add(cases, tool, Map.of("replica_id", UNKNOWN), UNKNOWN);
            add(cases, tool, Map.of("replica_id", MALFORMED), MALFORMED);
        }
        add(cases, "get_replica", Map.of("replica_id", replica, "include", 7), "include");
        // Conversations
        missing(cases, "send_replica_message", Map.of("message", "m"), "replica_id");
        missing(cases, "send_replica_message", Map.of("replica_id", replica), "message");
        add(cases, "send_replica_message", Map.of("replica_id", replica, "message", 5), "message");
        add(cases, "send_replica_message", Map.of("replica_id", replica, "message", "  "), "message");
        add(cases, "send_replica_message", Map.of("replica_id", UNKNOWN, "message", "m"), UNKNOWN);
        add(cases, "send_replica_message", Map.of("replica_id", MALFORMED, "message", "m"), MALFORMED);
        add(
                cases,
                "send_replica_message",
                Map.of("replica_id", replica, "message", "m", "chat_id", UNKNOWN),
                UNKNOWN,
                "chat_id");
        // pi has no CLI here: a named agent that cannot run is refused, and the message lists those that can.
        add(
                cases,
                "send_replica_message",
                Map.of("replica_id", replica, "message", "m", "chat_id", chatId, "coding_agent", "pi"),
                "coding_agent",
                "Available agents");
        add(cases, "send_replica_message", Map.of("replica_id", replica, "message", "m", "model", "-x"), "model");
        add(
                cases,
                "send_replica_message",
                Map.of("replica_id", replica, "message", "m", "coding_agent", "gpt"),
                "coding_agent");
        add(
                cases,
                "send_replica_message",
                Map.of("replica_id", replica, "message", "m", "thinking_level", "extreme"),
                "thinking_level");
        add(
                cases,
                "send_replica_message",
                Map.of("replica_id", replica, "message", "m", "plan_mode", "yes"),
                "plan_mode");
        missing(cases, "create_chat", Map.of("replica_id", replica), "provider");
        missing(cases, "create_chat", Map.of("provider", "codex"), "replica_id");
        add(cases, "create_chat", Map.of("replica_id", replica, "provider", "gpt"), "provider");
        add(cases, "create_chat", Map.of("replica_id", replica, "provider", 5), "provider");
        add(cases, "create_chat", Map.of("replica_id", replica, "provider", "pi"), "provider", "--agent-command");
        add(
                cases,
                "create_chat",
                Map.of("replica_id", replica, "provider", "codex", "title", "t".repeat(300)),
                "title");
        add(cases, "create_chat", Map.of("replica_id", UNKNOWN, "provider", "codex"), UNKNOWN);
        add(cases, "create_chat", Map.of("replica_id", MALFORMED, "provider", "codex"), MALFORMED);
        missing(cases, "delete_chat", Map.of("replica_id", replica), "chat_id");
        missing(cases, "delete_chat", Map.of("chat_id", chatId), "replica_id");
        add(cases, "delete_chat", Map.of("replica_id", replica, "chat_id", 5), "chat_id");
        add(cases, "delete_chat", Map.of("replica_id", replica, "chat_id", UNKNOWN), UNKNOWN);
        add(cases, "delete_chat", Map.of("replica_id", replica, "chat_id", MALFORMED), MALFORMED);
        add(cases, "delete_chat", Map.of("replica_id", UNKNOWN, "chat_id", chatId), UNKNOWN);
        add(cases, "read_replica_history", Map.of("replica_id", replica, "limit", 0), "limit");
        add(cases, "read_replica_history", Map.of("replica_id", replica, "limit", 201), "limit");
        add(cases, "read_replica_history", Map.of("replica_id", replica, "offset", -1), "offset");
        add(cases, "read_replica_history", Map.of("replica_id", replica, "limit", "abc"), "limit");
        add(cases, "read_replica_history", Map.of("replica_id", replica, "full_text", "yes"), "full_text");
        add(cases, "read_replica_history", Map.of("replica_id", replica, "chat_id", UNKNOWN), UNKNOWN);
        // Automation runs
        missing(cases, "trigger_automation", Map.of(), "automation_id");
        add(cases, "trigger_automation", Map.of("automation_id", 5), "automation_id");
        add(cases, "trigger_automation", Map.of("automation_id", UNKNOWN), UNKNOWN);
        add(cases, "trigger_automation", Map.of("automation_id", MALFORMED), MALFORMED);
        add(cases, "trigger_automation", Map.of("automation_id", UNKNOWN, "payload", "text"), "payload");
        cases.addAll(EnvironmentBadInput.cases(environmentIds));
        cases.addAll(AgentBadInput.cases());
        cases.addAll(AutomationBadInput.cases(envId));
        return cases;
    }

    static void add(List<Case> cases, String tool, Map<String, Object> args, String... mentions) {
        cases.add(new Case(tool, args, List.of(mentions)));
    }

    /** A required field left out: the answer says which one, and that it is required. */
    static void missing(List<Case> cases, String tool, Map<String, Object> args, String field) {
        cases.add(new Case(tool, args, List.of("'" + field + "' is required")));
    }

    @TestFactory
    Stream<DynamicTest> everyBadCallIsAToolErrorNamingTheFieldOrId() {
        return cases().stream()
                .map(c -> dynamicTest(abbreviate(c.tool() + " " + c.args()), () -> {
                    assertThat(stuck)
                            .as("an earlier call got no answer; the server is not serving")
                            .isFalse();
                    stuck = true; // cleared once the call is answered, so one hang does not stall every case after it
                    String text =
                            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> server.error(c.tool(), c.args()));
                    stuck = false;
                    assertThat(text)
                            .as("error text of %s", abbreviate(c.tool() + " " + c.args()))
                            .contains(c.mentions());
                    assertServerStillServes();
                }));
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " characters)";
    }

    @Test
    void everyToolHasBadInputCases() {
        Set<String> covered = new TreeSet<>(NO_ARGUMENTS);
        covered.add("list_agent_credentials");
        covered.add("list_toolsets");
        covered.add("list_integrations");
        cases().forEach(c -> covered.add(c.tool()));
        Set<String> listed = new TreeSet<>();
        server.client().listTools().tools().forEach(t -> listed.add(t.name()));
        assertThat(listed).hasSize(ToolCatalog.standard().specs().size());
        assertThat(covered).isEqualTo(listed);
    }

    @Test
    void toolsWithoutArgumentsIgnoreUnexpectedOnes() {
        for (String tool : NO_ARGUMENTS) {
            JsonNode answer = server.ok(tool, Map.of("unexpected", 5, "replica_id", Map.of()));
            assertThat(answer.size()).as("%s answers its one list", tool).isEqualTo(1);
            assertThat(answer.elements().next().isArray()).isTrue();
        }
        JsonNode agents = server.ok("list_agent_credentials", Map.of("unexpected", 5));
        assertThat(agents.path("credentials").isArray() && agents.path("agents").isArray())
                .isTrue();
    }

    private void assertServerStillServes() {
        JsonNode repositories = server.ok("list_repositories", Map.of()).path("repositories");
        assertThat(repositories).extracting(r -> r.path("id").asText()).containsExactly(fixture.repositoryId());
        assertThat(server.process().isAlive()).isTrue();
    }
}
