package dev.replicasmcp.e2e;

import static dev.replicasmcp.e2e.Flows.history;
import static dev.replicasmcp.e2e.Flows.types;
import static dev.replicasmcp.e2e.Flows.userTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL mid-turn loses nothing it acknowledged: on restart the interrupted
 * turns are closed with an error, no chat stays processing, and queued messages run.
 */
class RestartIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    @Test
    void acknowledgedWorkSurvivesSigkill() throws Exception {
        Path repo = ServerProcess.gitRepository(tmp.resolve("restart-repo"));
        Path data = tmp.resolve("data");
        Map<String, String> acknowledged = new LinkedHashMap<>(); // message id -> text
        String replicaId;
        String defaultChat;
        String codexChat;

        // A turn delay far longer than the test: the first turns are still running when the server dies.
        ServerProcess first = ServerProcess.start(data, 30_000, logs);
        try {
            replicaId = Flows.replica(first, repo, "restart-replica", "long first turn")
                    .replicaId();
            JsonNode queued1 = send(first, replicaId, null, "queued second", acknowledged);
            JsonNode queued2 = send(first, replicaId, null, "queued third", acknowledged);
            assertThat(queued1.path("status").asText()).isEqualTo("queued");
            assertThat(queued1.path("position").asInt()).isEqualTo(1);
            assertThat(queued2.path("status").asText()).isEqualTo("queued");
            assertThat(queued2.path("position").asInt()).isEqualTo(2);
            defaultChat = queued1.path("chat_id").asText();

            codexChat = first.ok("create_chat", Map.of("replica_id", replicaId, "provider", "codex"))
                    .path("id")
                    .asText();
            JsonNode codexTurn = send(first, replicaId, codexChat, "codex mid-flight", acknowledged);
            assertThat(codexTurn.path("status").asText()).isEqualTo("sent");

            // Both chats are visibly mid-turn: their user events are recorded and they are processing.
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(userTexts(history(first, replicaId, null))).containsExactly("long first turn");
                assertThat(userTexts(history(first, replicaId, codexChat))).containsExactly("codex mid-flight");
            });
            assertThat(chats(first, replicaId))
                    .allSatisfy(chat -> assertThat(chat.path("processing").asBoolean())
                            .as("chat %s", chat)
                            .isTrue());
            first.kill();
        } finally {
            first.close();
        }
        assertThat(first.process().isAlive()).isFalse();

        try (ServerProcess second = ServerProcess.start(data, 100, logs)) {
            JsonNode replica =
                    second.ok("get_replica", Map.of("replica_id", replicaId)).path("replica");
            assertThat(replica.path("name").asText()).isEqualTo("restart-replica");
            assertThat(chats(second, replicaId))
                    .extracting(c -> c.path("id").asText())
                    .containsExactly(defaultChat, codexChat);

            // The queued messages run after the restart, in order, each with a successful result.
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(types(history(second, replicaId, null)))
                            .filteredOn("claude-result"::equals)
                            .hasSize(3));
            List<JsonNode> events = history(second, replicaId, null);
            assertThat(userTexts(events)).containsExactly("long first turn", "queued second", "queued third");
            assertThat(types(events))
                    .containsExactly(
                            "claude-user",
                            "claude-result",
                            "claude-user",
                            "claude-assistant",
                            "claude-result",
                            "claude-user",
                            "claude-assistant",
                            "claude-result");

            // The turn the kill interrupted is closed with an error result, not left open or passed as done.
            List<JsonNode> results = Flows.results(events);
            assertThat(results.get(0).path("subtype").asText()).isEqualTo("error");
            assertThat(results.get(0).path("is_error").asBoolean()).isTrue();
            assertThat(results.get(0).path("errors").path(0).asText()).isNotBlank();
            assertThat(results.subList(1, 3)).allMatch(Flows::isSuccess);
            assertThat(Flows.assistantText(events.get(3))).contains("queued second");

            // The second chat's turn is closed too (codex is set to the scripted agent here, so its shapes).
            List<JsonNode> codexEvents = history(second, replicaId, codexChat);
            assertThat(types(codexEvents)).containsExactly("claude-user", "claude-result");
            assertThat(Flows.results(codexEvents).get(0).path("subtype").asText())
                    .isEqualTo("error");

            // Every acknowledged message is in its chat's history.
            List<String> allTexts = new java.util.ArrayList<>(userTexts(events));
            allTexts.addAll(userTexts(codexEvents));
            assertThat(allTexts).containsAll(acknowledged.values());

            // No chat stays processing, and the replica answers new messages.
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(chats(second, replicaId))
                            .allSatisfy(
                                    chat -> assertThat(chat.path("processing").asBoolean())
                                            .isFalse()));
            assertThat(send(second, replicaId, codexChat, "after restart", acknowledged)
                            .path("status")
                            .asText())
                    .isEqualTo("sent");
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(userTexts(history(second, replicaId, codexChat)))
                            .contains("after restart"));
        }
    }

    private static JsonNode send(
            ServerProcess server, String replicaId, String chatId, String text, Map<String, String> acknowledged) {
        Map<String, Object> args = new LinkedHashMap<>(Map.of("replica_id", replicaId, "message", text));
        if (chatId != null) {
            args.put("chat_id", chatId);
        }
        JsonNode ack = server.ok("send_replica_message", args);
        assertThat(ack.path("message_id").asText()).isNotBlank();
        acknowledged.put(ack.path("message_id").asText(), text);
        return ack;
    }

    private static List<JsonNode> chats(ServerProcess server, String replicaId) {
        return FullFlowIT.list(
                server.ok("list_chats", Map.of("replica_id", replicaId)).path("chats"));
    }
}
