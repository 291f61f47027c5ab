package dev.replicasmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.audit.AuditEntry;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.TestRepos;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every audited operation, driven once through each door, writes exactly one audit entry naming the
 * door's API key, the action and the resource; reads and messages write none; no secret value given to
 * any of them reaches the audit table; list_audit_log and GET /v1/audit-log read it back with filters.
 */
class AuditLogTest {

    @TempDir
    static Path dir;

    static HttpFixture http;
    static final List<String> SECRETS = new ArrayList<>();

    /** One call of the script: which operation, and its arguments from the ids made so far. */
    record Step(String operation, Function<Map<String, String>, Map<String, Object>> args, String keep, String from) {}

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String secret() {
        String value = "s3cr3t-" + UUID.randomUUID();
        SECRETS.add(value);
        return value;
    }

    private static Step step(String operation, Function<Map<String, String>, Map<String, Object>> args) {
        return new Step(operation, args, null, null);
    }

    /** keep: the name the new resource's id is kept under; from: where the id is in the result (a JSON pointer). */
    private static Step step(
            String operation, Function<Map<String, String>, Map<String, Object>> args, String keep, String from) {
        return new Step(operation, args, keep, from);
    }

    private static Map<String, Object> m(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Every audited operation, in an order where each finds what it needs. */
    private static List<Step> script(boolean restDoor) throws Exception {
        List<Step> steps = new ArrayList<>();
        String repo = TestRepos.create(dir, "repo-" + UUID.randomUUID(), "main").toString();
        steps.add(step("add_repository", ids -> m("location", repo), "repository_id", "/repository/id"));
        steps.add(step(
                "create_repository_set",
                ids -> m("name", "set-" + UUID.randomUUID(), "repository_ids", List.of(ids.get("repository_id"))),
                "set_id",
                "/repository_set/id"));
        steps.add(step("set_agent_credential", ids -> m("kind", "anthropic_api_key", "value", "sk-ant-" + secret())));
        steps.add(step("delete_agent_credential", ids -> m("kind", "anthropic_api_key")));
        steps.add(step("connect_integration", ids -> m("provider", "github", "signing_secret", secret())));
        steps.add(step("disconnect_integration", ids -> m("provider", "github")));
        steps.add(step(
                "create_environment",
                ids -> m("name", "env-" + UUID.randomUUID(), "repository_id", ids.get("repository_id")),
                "environment_id",
                "/environment/id"));
        steps.add(step(
                "update_environment", ids -> m("environment_id", ids.get("environment_id"), "description", "changed")));
        steps.add(step(
                "create_environment_variable",
                ids -> m("environment_id", ids.get("environment_id"), "key", "API_TOKEN", "value", secret()),
                "variable_id",
                "/environment_variable/id"));
        steps.add(step(
                "update_environment_variable",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "variable_id",
                        ids.get("variable_id"),
                        "value",
                        secret())));
        steps.add(step(
                "create_environment_file",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "name",
                        "creds",
                        "path",
                        "~/.creds",
                        "content",
                        secret()),
                "file_id",
                "/environment_file/id"));
        steps.add(step(
                "update_environment_file",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "file_id",
                        ids.get("file_id"),
                        "content",
                        secret())));
        steps.add(step(
                "create_environment_mcp",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "name",
                        "docs",
                        "transport",
                        "http",
                        "config",
                        m("url", "https://example.com/mcp", "headers", m("Authorization", "Bearer " + secret()))),
                "mcp_id",
                "/environment_mcp/id"));
        steps.add(step(
                "update_environment_mcp",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "mcp_id",
                        ids.get("mcp_id"),
                        "config",
                        m("command", "npx", "env", m("TOKEN", secret())),
                        "transport",
                        "stdio")));
        steps.add(step(
                "enable_environment_skill",
                ids -> m(
                        "environment_id",
                        ids.get("environment_id"),
                        "slug",
                        http.core.services.contents().skills().search("").get(0).slug()),
                "skill_id",
                "/environment_skill/id"));
        steps.add(step(
                "disable_environment_skill",
                ids -> m("environment_id", ids.get("environment_id"), "skill_id", ids.get("skill_id"))));
        steps.add(step("save_start_hook", ids -> m("environment_id", ids.get("environment_id"), "content", "true")));
        steps.add(step("save_warm_hook", ids -> m("environment_id", ids.get("environment_id"), "content", "true")));
        steps.add(step(
                "save_and_test_warm_hook",
                ids -> m("environment_id", ids.get("environment_id"), "content", "echo warm")));
        steps.add(step("set_warm_pool", ids -> m("environment_id", ids.get("environment_id"), "enabled", false)));
        steps.add(step(
                "create_replica",
                ids -> m(
                        "name",
                        "r-" + UUID.randomUUID(),
                        "message",
                        "hello",
                        "environment_id",
                        ids.get("environment_id")),
                "replica_id",
                "/replica/id"));
        steps.add(step(
                "create_chat",
                ids -> m(
                        "replica_id",
                        ids.get("replica_id"),
                        "provider",
                        http.core
                                .services
                                .replicas()
                                .find(http.core.caller, ids.get("replica_id"))
                                .codingAgent()
                                .wire()),
                "chat_id",
                "/id"));
        steps.add(step("delete_chat", ids -> m("replica_id", ids.get("replica_id"), "chat_id", ids.get("chat_id"))));
        steps.add(step("delete_replica", ids -> m("replica_id", ids.get("replica_id"))));
        steps.add(step(
                "delete_environment_variable",
                ids -> m("environment_id", ids.get("environment_id"), "variable_id", ids.get("variable_id"))));
        steps.add(step(
                "delete_environment_file",
                ids -> m("environment_id", ids.get("environment_id"), "file_id", ids.get("file_id"))));
        steps.add(step(
                "delete_environment_mcp",
                ids -> m("environment_id", ids.get("environment_id"), "mcp_id", ids.get("mcp_id"))));
        steps.add(step(
                "create_automation",
                ids -> m(
                        "name",
                        "nightly-" + UUID.randomUUID(),
                        "prompt",
                        "Update the dependencies",
                        "environment_id",
                        ids.get("environment_id"),
                        "triggers",
                        List.of(
                                m("type", "custom", "config", m()),
                                m("type", "cron", "config", m("schedule", "0 2 * * *")))),
                "automation_id",
                "/automation/id"));
        steps.add(step(
                "update_automation", ids -> m("automation_id", ids.get("automation_id"), "description", "changed")));
        steps.add(step(
                "trigger_automation",
                ids -> m("automation_id", ids.get("automation_id")),
                "run_replica_id",
                "/workspace_id"));
        // The run's replica would keep its environment from being deleted below.
        steps.add(step("delete_replica", ids -> m("replica_id", ids.get("run_replica_id"))));
        steps.add(step("delete_automation", ids -> m("automation_id", ids.get("automation_id"))));
        steps.add(step("delete_environment", ids -> m("environment_id", ids.get("environment_id"))));
        steps.add(step("delete_repository", ids -> m("repository_id", ids.get("repository_id"))));
        return steps;
    }

    private static List<AuditEntry> entries() {
        return http.core
                .services
                .audit()
                .list(http.core.caller, null, null, null, null, null, 1, 200)
                .entries();
    }

    private void drive(boolean restDoor, String keyName) throws Exception {
        String key = http.core
                .core
                .keys()
                .create(http.core.core.account().organizationId(), null, keyName)
                .plaintext();
        Set<String> driven = new LinkedHashSet<>();
        Map<String, String> ids = new HashMap<>();
        try (Doors doors = new Doors(http, key)) {
            for (Step step : script(restDoor)) {
                Map<String, Object> args = step.args().apply(ids);
                int before = entries().size();
                Doors.Answer answer = restDoor ? doors.rest(step.operation(), args) : doors.mcp(step.operation(), args);
                assertThat(answer.ok())
                        .as("%s over %s: %s", step.operation(), restDoor ? "REST" : "MCP", answer.error())
                        .isTrue();
                if (step.keep() != null) {
                    ids.put(step.keep(), answer.result().at(step.from()).asText());
                }
                List<AuditEntry> now = entries();
                assertThat(now).as("one entry for %s", step.operation()).hasSize(before + 1);
                AuditEntry entry = now.get(0);
                assertThat(entry.actorType()).isEqualTo("api_key");
                assertThat(entry.actorName()).isEqualTo(keyName);
                assertThat(entry.action()).as(step.operation()).startsWith(entry.resourceType() + ".");
                assertThat(entry.resourceId()).as(step.operation()).isNotBlank();
                driven.add(step.operation());
            }
        }
        Set<String> audited = Operations.all().stream()
                .filter(op -> op.audit() != null)
                .filter(op -> !restDoor || op.route() != null)
                .map(Operation::name)
                .collect(Collectors.toSet());
        assertThat(driven)
                .as("every audited operation of the door is driven")
                .containsExactlyInAnyOrderElementsOf(audited);
    }

    @Test
    void everyAuditedOperationWritesOneEntryThroughEachDoorAndNoSecret() throws Exception {
        drive(false, "mcp-door");
        drive(true, "rest-door");
        List<String> stored = new ArrayList<>();
        try (var db = DriverManager.getConnection(
                        "jdbc:sqlite:" + http.core.dataDir().resolve("replicas.db"));
                ResultSet rows = db.createStatement().executeQuery("SELECT * FROM audit_log")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rows.getString(i)).append('|');
                }
                stored.add(row.toString());
            }
        }
        assertThat(stored).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(stored).as("no secret in the audit table").noneMatch(row -> row.contains(secret));
        }
        assertThat(stored).anyMatch(row -> row.contains("[redacted]"));
        assertThat(stored)
                .as("webhook tokens are redacted")
                .anyMatch(row -> row.contains("\"webhook_token\":\"[redacted]\""))
                .noneMatch(row -> row.matches("(?s).*\"webhook_token\":\"(?!\\[redacted]).*"));
        AuditEntry update = entries().stream()
                .filter(e -> e.action().equals("environment_variable.updated"))
                .findFirst()
                .orElseThrow();
        assertThat(update.before()).contains("\"key\":\"API_TOKEN\"", "\"value\":\"[redacted]\"");
        assertThat(update.after()).contains("\"value\":\"[redacted]\"");
    }

    @Test
    void readsAndMessagesAreNotAuditedAndTheLogIsReadWithFilters() throws Exception {
        var replica = http.core.replica("quiet", "hi");
        int before = entries().size();
        try (Doors doors = new Doors(http, http.key)) {
            assertThat(doors.mcp("send_replica_message", m("replica_id", replica.id(), "message", "again"))
                            .ok())
                    .isTrue();
            assertThat(doors.rest("list_replicas", m()).ok()).isTrue();
            assertThat(doors.mcp("get_replica", m("replica_id", replica.id())).ok())
                    .isTrue();
            assertThat(entries()).hasSize(before);
            doors.rest("create_environment", m("name", "filtered-env"));
            Doors.Answer mcp = doors.mcp("list_audit_log", m("action", "environment.created", "actor", "tests"));
            Doors.Answer rest =
                    doors.rest("list_audit_log", m("action", "environment.created", "actor", "tests", "limit", 5));
            for (Doors.Answer answer : List.of(mcp, rest)) {
                assertThat(answer.ok()).as(answer.error()).isTrue();
                JsonNode first = answer.result().path("entries").get(0);
                assertThat(first.path("action").asText()).isEqualTo("environment.created");
                assertThat(first.path("actor").path("name").asText()).isEqualTo("tests");
                assertThat(first.path("after").path("environment").path("name").asText())
                        .isEqualTo("filtered-env");
                assertThat(first.path("before").isNull()).isTrue();
            }
            assertThat(doors.rest("list_audit_log", m("from", "yesterday")).error())
                    .contains("'from'", "ISO-8601");
            assertThat(doors.mcp("list_audit_log", m("resource_type", "environment", "to", "2000-01-01T00:00:00Z"))
                            .result()
                            .path("total")
                            .asInt())
                    .isZero();
        }
    }
}
