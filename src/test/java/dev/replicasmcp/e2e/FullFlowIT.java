package dev.replicasmcp.e2e;

import static dev.replicasmcp.e2e.Flows.history;
import static dev.replicasmcp.e2e.Flows.types;
import static dev.replicasmcp.e2e.Flows.userTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One replica's whole life over real stdio, from registering a repository to deleting the replica (the
 * handshake and the tool catalogue are {@link McpContractStdioIT}'s).
 */
class FullFlowIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void replicaLifecycleFromRepositoryToDeletion() throws Exception {
        Path repo = ServerProcess.gitRepository(tmp.resolve("flow-repo"));
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), 800, logs)) {
            Flows.Setup setup = Flows.replica(server, repo, "flow-replica", "first message");
            String replicaId = setup.replicaId();
            assertThat(setup.repositoryName()).isEqualTo("flow-repo");

            // The first turn runs in the background and ends with a successful claude-result.
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(Flows.results(history(server, replicaId, null)))
                            .anyMatch(Flows::isSuccess));
            String defaultChat = onlyChat(server, replicaId).path("id").asText();

            // Two quick messages: the first starts (or queues), the second waits behind it.
            JsonNode second =
                    server.ok("send_replica_message", Map.of("replica_id", replicaId, "message", "second message"));
            JsonNode third =
                    server.ok("send_replica_message", Map.of("replica_id", replicaId, "message", "third message"));
            assertThat(second.path("status").asText()).isIn("sent", "queued");
            assertThat(third.path("status").asText()).isEqualTo("queued");
            assertThat(third.path("position").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(List.of(second, third)).allSatisfy(ack -> {
                assertThat(ack.path("message_id").asText()).isNotBlank();
                assertThat(ack.path("chat_id").asText()).isEqualTo(defaultChat);
            });
            assertThat(second.path("message_id")).isNotEqualTo(third.path("message_id"));

            // All three turns complete, strictly in the order sent, each answered before the next starts.
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(types(history(server, replicaId, null)))
                            .filteredOn("claude-result"::equals)
                            .hasSize(3));
            List<JsonNode> events = history(server, replicaId, null);
            assertThat(userTexts(events)).containsExactly("first message", "second message", "third message");
            assertThat(types(events))
                    .containsExactly(
                            "claude-user",
                            "claude-assistant",
                            "claude-result",
                            "claude-user",
                            "claude-assistant",
                            "claude-result",
                            "claude-user",
                            "claude-assistant",
                            "claude-result");
            assertThat(Flows.results(events)).allMatch(Flows::isSuccess);
            assertThat(Flows.assistantText(events.get(7))).contains("third message");

            // History windows count from the newest end.
            JsonNode newest = server.ok("read_replica_history", Map.of("replica_id", replicaId, "limit", 2));
            assertThat(newest.path("total").asInt()).isEqualTo(9);
            assertThat(newest.path("has_more").asBoolean()).isTrue();
            assertThat(types(list(newest.path("events")))).containsExactly("claude-assistant", "claude-result");
            JsonNode oldest =
                    server.ok("read_replica_history", Map.of("replica_id", replicaId, "limit", 5, "offset", 7));
            assertThat(oldest.path("has_more").asBoolean()).isFalse();
            assertThat(userTexts(list(oldest.path("events")))).containsExactly("first message");
            assertThat(list(oldest.path("events"))).hasSize(2);

            // A second chat asked for as codex: codex is set to the scripted agent here (ServerProcess), so
            // the chat, its history and its events say scripted, never codex.
            JsonNode codexChat = server.ok(
                    "create_chat", Map.of("replica_id", replicaId, "provider", "codex", "title", "Codex side"));
            String codexChatId = codexChat.path("id").asText();
            assertThat(codexChat.path("provider").asText()).isEqualTo("scripted");
            assertThat(codexChat.path("processing").asBoolean()).isFalse();
            JsonNode toCodex = server.ok(
                    "send_replica_message",
                    Map.of("replica_id", replicaId, "chat_id", codexChatId, "message", "hello codex"));
            assertThat(toCodex.path("status").asText()).isEqualTo("sent");
            assertThat(toCodex.path("chat_id").asText()).isEqualTo(codexChatId);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(types(history(server, replicaId, codexChatId)))
                            .contains("claude-result"));
            List<JsonNode> codexEvents = history(server, replicaId, codexChatId);
            assertThat(types(codexEvents)).containsExactly("claude-user", "claude-assistant", "claude-result");
            assertThat(userTexts(codexEvents)).containsExactly("hello codex");
            assertThat(Flows.assistantText(codexEvents.get(1))).isEqualTo("Scripted agent received: hello codex");
            assertThat(server.ok("read_replica_history", Map.of("replica_id", replicaId, "chat_id", codexChatId))
                            .path("coding_agent")
                            .asText())
                    .isEqualTo("scripted");
            assertThat(userTexts(history(server, replicaId, null))).doesNotContain("hello codex");

            // Deleting the codex chat leaves the default chat alone.
            assertThat(server.ok("delete_chat", Map.of("replica_id", replicaId, "chat_id", codexChatId))
                            .path("success")
                            .asBoolean())
                    .isTrue();
            JsonNode replica =
                    server.ok("get_replica", Map.of("replica_id", replicaId)).path("replica");
            assertThat(list(replica.path("chats")))
                    .extracting(c -> c.path("id").asText())
                    .containsExactly(defaultChat);
            assertThat(replica.path("name").asText()).isEqualTo("flow-replica");
            assertThat(replica.path("repository_statuses")).hasSize(1);
            JsonNode status = replica.path("repository_statuses").path(0);
            assertThat(status.path("branch").asText()).isEqualTo("replicas/flow-replica");
            assertThat(status.path("repository").asText()).isEqualTo("flow-repo");
            assertThat(status.path("default_branch").asText()).isEqualTo("main");
            assertThat(status.path("git_diff").path("added").asInt())
                    .as("a fresh clone")
                    .isZero();
            assertThat(status.path("git_diff").path("full_diff").asText()).isEmpty();
            assertThat(server.error("read_replica_history", Map.of("replica_id", replicaId, "chat_id", codexChatId)))
                    .contains(codexChatId);

            JsonNode replicas = server.ok("list_replicas", Map.of());
            assertThat(replicas.path("total").asInt()).isEqualTo(1);
            assertThat(list(replicas.path("replicas")))
                    .extracting(r -> r.path("id").asText())
                    .containsExactly(replicaId);

            assertThat(server.ok("delete_replica", Map.of("replica_id", replicaId))
                            .path("success")
                            .asBoolean())
                    .isTrue();
            assertThat(server.error("get_replica", Map.of("replica_id", replicaId)))
                    .contains(replicaId);
            assertThat(server.ok("list_replicas", Map.of()).path("total").asInt())
                    .isZero();
        }
    }

    private static JsonNode onlyChat(ServerProcess server, String replicaId) {
        List<JsonNode> chats =
                list(server.ok("list_chats", Map.of("replica_id", replicaId)).path("chats"));
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).path("provider").asText()).isEqualTo("scripted");
        return chats.get(0);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
