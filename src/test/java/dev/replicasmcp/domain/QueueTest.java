package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.chat.SendResult;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueTest {

    @TempDir
    Path dir;

    TestCore t;

    @BeforeEach
    void start() {
        t = new TestCore(dir, Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private SendResult send(Replica replica, String text) {
        return send(replica, text, null, null);
    }

    private SendResult send(Replica replica, String text, String chatId, String agent) {
        return t.services
                .messages()
                .send(t.caller, replica.id(), new SendMessage(text, chatId, agent, null, null, null, null));
    }

    private List<String> userTexts(Replica replica, String chatId) {
        return t.services.history().read(t.caller, replica.id(), chatId, null, null).events().stream()
                .filter(e -> e.type().equals("claude-user") || e.type().equals("codex-user"))
                .map(QueueTest::text)
                .toList();
    }

    static String text(HistoryEvent e) {
        var payload = new ObjectMapper().valueToTree(e.payload().payload());
        return payload.has("message") && payload.get("message").isTextual()
                ? payload.get("message").asText()
                : payload.path("message").path("content").path(0).path("text").asText();
    }

    @Test
    void messagesWhileBusyAreQueuedWithOneBasedPositionsAndRunInOrder() throws Exception {
        Replica replica = t.replica("q", "first");
        SendResult second = send(replica, "second");
        SendResult third = send(replica, "third");
        assertThat(second.status()).isEqualTo(SendResult.Status.QUEUED);
        assertThat(second.position()).isEqualTo(1);
        assertThat(third.position()).isEqualTo(2);
        assertThat(third.chatId()).isEqualTo(second.chatId());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> userTexts(replica, null).size() == 3);
        assertThat(userTexts(replica, null)).containsExactly("first", "second", "third");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> t.services.chats().list(t.caller, replica.id()).chats().stream()
                        .noneMatch(Chat::processing));
        assertThat(send(replica, "fourth").status()).isEqualTo(SendResult.Status.SENT);
    }

    @Test
    void chatsHaveTheirOwnQueuesAndRouteByProvider() throws Exception {
        // Named agents need CLIs: fake claude and codex ones on the PATH.
        TestCore main = t;
        try (TestCore fakes = TestCore.withFakeClis(dir.resolve("fakes"), Duration.ZERO)) {
            t = fakes;
            Replica replica = t.replica("multi", "first");
            SendResult codex = send(replica, "to codex", null, "codex");
            assertThat(codex.status()).isEqualTo(SendResult.Status.SENT);
            // The replica's agent is the one of the chat its last message went to.
            assertThat(t.services.replicas().find(t.caller, replica.id()).codingAgent())
                    .isEqualTo(CodingAgent.CODEX);
            assertThat(codex.chatId())
                    .isNotEqualTo(send(replica, "default again").chatId());
            assertThat(t.services.replicas().find(t.caller, replica.id()).codingAgent())
                    .isEqualTo(replica.codingAgent())
                    .isNotEqualTo(CodingAgent.CODEX);
            assertThat(send(replica, "codex again", null, "codex").chatId()).isEqualTo(codex.chatId());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> userTexts(replica, codex.chatId()).size() == 2);
            List<HistoryEvent> events = t.services
                    .history()
                    .read(t.caller, replica.id(), codex.chatId(), null, null)
                    .events();
            assertThat(events).extracting(HistoryEvent::type).contains("codex-user", "codex-assistant");
            assertThat(events.get(0).payload().type()).isEqualTo("event_msg");
            assertThatThrownBy(() -> send(replica, "x", codex.chatId(), "claude"))
                    .hasMessageContaining("'coding_agent'");
            assertThatThrownBy(() -> send(replica, "x", "nope", null)).hasMessageContaining("'chat_id'");
            // The CLIs' turns end before their folders are removed.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> t.services.chats().list(t.caller, replica.id()).chats().stream()
                            .noneMatch(Chat::processing));
        } finally {
            t = main;
        }
    }

    @Test
    void planPrefixIsStrippedAndTheAgentOnlyPlans() throws Exception {
        Replica replica = t.replica("plan", "/plan refactor the parser");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> t.services
                                .history()
                                .read(t.caller, replica.id(), null, null, null)
                                .total()
                        == 3);
        List<HistoryEvent> events = t.services
                .history()
                .read(t.caller, replica.id(), null, null, null)
                .events();
        assertThat(text(events.get(0))).isEqualTo("refactor the parser");
        assertThat(text(events.get(1))).startsWith("## Plan").contains("no files were changed");
        assertThatThrownBy(() -> send(replica, "/plan")).hasMessageContaining("only '/plan'");
    }

    @Test
    void aSleepingReplicaWakesAndThenDeliversHeldMessagesInOrder() throws Exception {
        Replica replica = t.replica("sleepy", "first");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> userTexts(replica, null).size() == 1
                        && t.services.chats().list(t.caller, replica.id()).chats().stream()
                                .noneMatch(Chat::processing));
        t.core.lifecycle().sleep(replica.id());
        SendResult held = send(replica, "wake up");
        assertThat(held.status()).isEqualTo(SendResult.Status.WAKING);
        assertThat(held.position()).isNull();
        assertThat(send(replica, "and this").status()).isEqualTo(SendResult.Status.WAKING);
        assertThat(t.services.replicas().get(t.caller, replica.id(), Set.of()).waking())
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> t.services
                                .replicas()
                                .get(t.caller, replica.id(), Set.of())
                                .replica()
                                .status()
                        == ReplicaStatus.ACTIVE);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> userTexts(replica, null).size() == 3);
        assertThat(userTexts(replica, null)).containsExactly("first", "wake up", "and this");
    }

    @Test
    void deletingAChatStopsItsTurnAndDropsItsQueue() throws Exception {
        Replica replica = t.replica("del", "long one");
        String chat = send(replica, "queued").chatId();
        t.services.chats().delete(t.caller, replica.id(), chat);
        assertThat(t.services.chats().list(t.caller, replica.id()).chats()).isEmpty();
        assertThatThrownBy(() -> t.services.history().read(t.caller, replica.id(), chat, null, null))
                .hasMessageContaining("'chat_id'");
        SendResult fresh = send(replica, "new default");
        assertThat(fresh.status()).isEqualTo(SendResult.Status.SENT);
        assertThat(fresh.chatId()).isNotEqualTo(chat);
    }
}
