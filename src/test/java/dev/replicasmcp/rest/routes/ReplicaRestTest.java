package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.repository.Repository;
import dev.replicasmcp.support.HttpFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/replica and everything under it: each endpoint's success and its documented errors. */
class ReplicaRestTest {

    @TempDir
    static Path dir;

    static HttpFixture http;
    static Repository repository;
    static Environment environment;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir);
        repository = http.core.repository("replica-rest");
        environment = http.core
                .services
                .environments()
                .create(http.core.caller, "replica-rest-env", null, repository.id(), null, null);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    static JsonNode create(String name, String message) {
        return http.post("/v1/replica", Map.of("name", name, "message", message, "environment_id", environment.id()))
                .expect(201);
    }

    static List<JsonNode> history(String replicaId) {
        List<JsonNode> events = new java.util.ArrayList<>();
        http.get("/v1/replica/" + replicaId + "/history")
                .expect(200)
                .path("events")
                .forEach(events::add);
        return events;
    }

    @Test
    void repositoriesAndRepositorySetsAreListed() {
        http.core.services.repositories().createSet(http.core.caller, "pair", "two of them", List.of(repository.id()));
        assertThat(http.get("/v1/replica/repositories").expect(200).path("repositories"))
                .extracting(r -> r.path("id").asText())
                .contains(repository.id());
        JsonNode sets = http.get("/v1/replica/repository-sets").expect(200).path("repository_sets");
        assertThat(sets).extracting(s -> s.path("name").asText()).contains("pair");
    }

    @Test
    void aReplicaIsCreatedListedReadAndDeleted() {
        JsonNode created = create("crud-replica", "hello");
        assertThat(created.path("workspace").path("source").asText()).isEqualTo("cold");
        String id = created.path("replica").path("id").asText();

        JsonNode page = http.get("/v1/replica?limit=1&page=1").expect(200);
        assertThat(page.path("replicas")).hasSize(1);
        assertThat(page.path("limit").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/replica?status=active").expect(200).path("replicas"))
                .extracting(r -> r.path("id").asText())
                .contains(id);

        JsonNode replica = http.get("/v1/replica/" + id + "?include=environment,diffs")
                .expect(200)
                .path("replica");
        assertThat(replica.path("chats")).hasSize(1);
        assertThat(replica.path("environment").path("engine_version").asText()).isNotEmpty();
        assertThat(http.get("/v1/replica/" + id).expect(200).path("replica").has("environment"))
                .isTrue();

        JsonNode hooks = http.get("/v1/replica/" + id + "/hooks").expect(200);
        assertThat(hooks.path("warm_hooks").path("logs").isArray()).isTrue();

        assertThat(http.delete("/v1/replica/" + id).expect(200).path("success").asBoolean())
                .isTrue();
        http.get("/v1/replica/" + id).expect(404);
        http.delete("/v1/replica/" + id).expect(404);
    }

    @Test
    void repositoryStatusesCarryTheRealBranchAndDiffAndTheFullTextOnlyWithIncludeDiffs() throws Exception {
        String id = create("rest-differ", "hi").path("replica").path("id").asText();
        Path clone = http.core.home(id).resolve("workspaces/replica-rest");
        java.nio.file.Files.writeString(clone.resolve("README.md"), "# rewritten\n");
        java.nio.file.Files.writeString(clone.resolve("added.txt"), "a\nb\n");

        JsonNode status = http.get("/v1/replica/" + id)
                .expect(200)
                .path("replica")
                .path("repository_statuses")
                .get(0);
        assertThat(status.path("repository").asText()).isEqualTo("replica-rest");
        assertThat(status.path("branch").asText()).isEqualTo("replicas/rest-differ");
        assertThat(status.path("default_branch").asText()).isEqualTo("main");
        assertThat(status.path("git_diff").path("added").asInt()).isEqualTo(3);
        assertThat(status.path("git_diff").path("removed").asInt()).isEqualTo(1);
        assertThat(status.path("git_diff").path("full_diff").asText()).isEmpty();
        String full = http.get("/v1/replica/" + id + "?include=diffs")
                .expect(200)
                .path("replica")
                .path("repository_statuses")
                .get(0)
                .path("git_diff")
                .path("full_diff")
                .asText();
        assertThat(full).contains("+# rewritten", "-# replica-rest", "+++ b/added.txt");
    }

    @Test
    void replicaErrorsHaveTheirDocumentedStatuses() {
        assertThat(http.post("/v1/replica", Map.of()).error(400)).contains("'name' is required");
        assertThat(http.post(
                                "/v1/replica",
                                Map.of("name", "has space", "message", "m", "environment_id", environment.id()))
                        .error(400))
                .contains("whitespace");
        http.post(
                        "/v1/replica",
                        Map.of(
                                "name",
                                "x",
                                "message",
                                "m",
                                "environment_id",
                                environment.id(),
                                "coding_agent",
                                "nobody"))
                .expect(400);
        http.post(
                        "/v1/replica",
                        Map.of(
                                "name",
                                "x",
                                "message",
                                "m",
                                "environment_id",
                                UUID.randomUUID().toString()))
                .expect(404);
        assertThat(http.post("/v1/replica", "[1, 2]").error(400)).contains("JSON object");
        assertThat(http.post("/v1/replica", "{\"name\": \"x\",").error(400)).contains("not valid JSON");

        http.get("/v1/replica?limit=0").expect(400);
        assertThat(http.get("/v1/replica?limit=abc").error(400)).contains("'limit'", "integer");
        http.get("/v1/replica?status=bogus").expect(400);
        http.get("/v1/replica?source=bogus").expect(400);

        http.get("/v1/replica/" + UUID.randomUUID()).expect(404);
        http.get("/v1/replica/not-a-uuid").expect(404);
        http.get("/v1/replica/not-a-uuid/hooks").expect(404);
        http.delete("/v1/replica/not-a-uuid").expect(404);
    }

    @Test
    void messagesAreSentAndQueuedInTheirChat() {
        String id = create("talker", "first").path("replica").path("id").asText();
        JsonNode sent = http.post("/v1/replica/" + id + "/messages", Map.of("message", "second"))
                .expect(200);
        assertThat(sent.path("status").asText()).isIn("sent", "queued");
        assertThat(sent.path("chat_id").asText()).isNotEmpty();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(history(id))
                        .filteredOn(e -> e.path("type").asText().equals("claude-result"))
                        .hasSize(2));

        assertThat(http.post("/v1/replica/" + id + "/messages", Map.of()).error(400))
                .contains("'message'");
        http.post("/v1/replica/" + id + "/messages", Map.of("message", "m", "chat_id", "no-such-chat"))
                .expect(404);
        http.post(
                        "/v1/replica/" + id + "/messages",
                        Map.of("message", "m", "chat_id", sent.path("chat_id").asText(), "coding_agent", "gpt"))
                .expect(400);
        assertThat(http.post("/v1/replica/" + id + "/messages", Map.of("message", "m", "model", "--yolo"))
                        .error(400))
                .contains("Field 'model'");
        assertThat(http.post(
                                "/v1/replica",
                                Map.of(
                                        "name",
                                        "bad-model",
                                        "message",
                                        "m",
                                        "environment_id",
                                        environment.id(),
                                        "model",
                                        "m".repeat(101)))
                        .error(400))
                .contains("Field 'model'");
        http.post("/v1/replica/" + UUID.randomUUID() + "/messages", Map.of("message", "m"))
                .expect(404);
    }

    @Test
    void chatsAreListedCreatedAndDeleted() {
        String id = create("chatty", "hi").path("replica").path("id").asText();
        JsonNode chat = http.post("/v1/replica/" + id + "/chats", Map.of("provider", "codex", "title", "Second"))
                .expect(201);
        // codex is set to the scripted agent in these tests: the chat says who answers it.
        assertThat(chat.path("provider").asText()).isEqualTo("scripted");
        assertThat(chat.path("processing").asBoolean()).isFalse();
        assertThat(http.get("/v1/replica/" + id + "/chats").expect(200).path("chats"))
                .hasSize(2);
        http.post("/v1/replica/" + id + "/chats", Map.of("provider", "nobody")).expect(400);
        assertThat(http.post("/v1/replica/" + id + "/chats", Map.of()).error(400))
                .contains("'provider' is required");
        http.post("/v1/replica/" + UUID.randomUUID() + "/chats", Map.of("provider", "claude"))
                .expect(404);

        String chatId = chat.path("id").asText();
        assertThat(http.delete("/v1/replica/" + id + "/chats/" + chatId)
                        .expect(200)
                        .path("success")
                        .asBoolean())
                .isTrue();
        http.delete("/v1/replica/" + id + "/chats/" + chatId).expect(404);
        http.delete("/v1/replica/" + id + "/chats/not-a-chat").expect(404);
        http.get("/v1/replica/" + UUID.randomUUID() + "/chats").expect(404);
    }

    @Test
    void historyIsReadFromTheEndWithAllRemainingByDefault() {
        String id = create("historian", "tell me").path("replica").path("id").asText();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(history(id))
                        .extracting(e -> e.path("type").asText())
                        .contains("claude-result"));
        JsonNode all = http.get("/v1/replica/" + id + "/history").expect(200);
        int total = all.path("total").asInt();
        assertThat(all.path("events")).as("no limit: every remaining event").hasSize(total);
        assertThat(all.path("has_more").asBoolean()).isFalse();
        JsonNode last = http.get("/v1/replica/" + id + "/history?limit=1").expect(200);
        assertThat(last.path("events")).hasSize(1);
        assertThat(last.path("has_more").asBoolean()).isTrue();
        assertThat(last.path("events").get(0)).isEqualTo(all.path("events").get(total - 1));
        JsonNode older =
                http.get("/v1/replica/" + id + "/history?limit=1&offset=1").expect(200);
        assertThat(older.path("events").get(0)).isEqualTo(all.path("events").get(total - 2));
        String chatId = http.get("/v1/replica/" + id + "/chats")
                .expect(200)
                .path("chats")
                .get(0)
                .path("id")
                .asText();
        assertThat(http.get("/v1/replica/" + id + "/history?chat_id=" + chatId)
                        .expect(200)
                        .path("total")
                        .asInt())
                .isEqualTo(total);

        http.get("/v1/replica/" + id + "/history?limit=0").expect(400);
        http.get("/v1/replica/" + id + "/history?offset=-1").expect(400);
        http.get("/v1/replica/" + id + "/history?limit=x").expect(400);
        http.get("/v1/replica/" + id + "/history?chat_id=nope").expect(404);
        http.get("/v1/replica/not-a-uuid/history").expect(404);
    }

    @Test
    void apiVersion20260517AnswersAtOnceWithPreparingAndTheWorkspaceFollows() {
        Map<String, Object> body =
                Map.of("name", "early-answer", "message", "hello", "environment_id", environment.id());
        JsonNode created = http.send(
                        "POST", "/v1/replica", body, http.key, Map.of("X-Replicas-Api-Version", "2026-05-17"))
                .expect(201);
        assertThat(created.path("replica").path("status").asText()).isEqualTo("preparing");
        assertThat(created.has("workspace"))
                .as("where the workspace comes from is not known yet")
                .isFalse();
        String id = created.path("replica").path("id").asText();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http.get("/v1/replica/" + id)
                                .expect(200)
                                .path("replica")
                                .path("status")
                                .asText())
                        .isEqualTo("active"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(history(id))
                        .extracting(e -> e.path("type").asText())
                        .as("the first message is delivered")
                        .hasSizeGreaterThan(1));
    }

    @Test
    void anUnknownApiVersionIsRefusedAndCreatesNothing() {
        int before = http.get("/v1/replica?limit=100").expect(200).path("total").asInt();
        String error = http.send(
                        "POST",
                        "/v1/replica",
                        Map.of("name", "wrong-version", "message", "hello", "environment_id", environment.id()),
                        http.key,
                        Map.of("X-Replicas-Api-Version", "2025-01-01"))
                .error(400);
        assertThat(error).contains("X-Replicas-Api-Version", "2026-05-17", "2025-01-01");
        assertThat(http.get("/v1/replica?limit=100").expect(200).path("total").asInt())
                .isEqualTo(before);
    }
}
