package dev.replicasmcp.runtime.agent;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.chat.SendResult;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.event.EventStream;
import dev.replicasmcp.domain.event.StreamEvent;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.support.FakeAgentCli;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A core whose agents are the fake CLIs, and the reads the agent tests share. */
final class AgentFixture implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    final TestCore t;
    final FakeAgentCli fakes;
    private final Path dir;

    AgentFixture(Path dir, FakeAgentCli fakes, AgentConfig config) {
        this.dir = dir;
        this.fakes = fakes;
        this.t = new TestCore(dir, Duration.ofMillis(50), Clock.systemUTC(), config);
    }

    static AgentFixture withFakes(Path dir, String... names) throws Exception {
        FakeAgentCli fakes = FakeAgentCli.install(dir, names);
        return new AgentFixture(dir, fakes, fakes.config(true));
    }

    /** A replica on the server's default agent. */
    ReplicaService.Created replica(String name, String message) throws Exception {
        return replica(name, message, null);
    }

    ReplicaService.Created replica(String name, String message, String agent) throws Exception {
        Environment environment = t.environment(name + "-env");
        return t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica(
                                name, message, environment.id(), null, null, agent, null, null, null, null, null));
    }

    SendResult send(String replicaId, SendMessage message) {
        return t.services.messages().send(t.caller, replicaId, message);
    }

    static SendMessage message(String text) {
        return new SendMessage(text, null, null, null, null, null, null);
    }

    List<HistoryEvent> history(String replicaId, String chatId) {
        return t.services
                .history()
                .read(t.caller, replicaId, chatId, null, null)
                .events();
    }

    String threadId(String replicaId, String chatId) {
        return t.services
                .history()
                .read(t.caller, replicaId, chatId, null, null)
                .threadId();
    }

    boolean idle(String replicaId) {
        return t.services.chats().list(t.caller, replicaId).chats().stream().noneMatch(Chat::processing);
    }

    /** Waits until the chat has this many results (claude-result, or codex's closing note) and is idle. */
    List<HistoryEvent> awaitTurns(String replicaId, String chatId, int turns) {
        await().atMost(PATIENCE).until(() -> ends(history(replicaId, chatId)) >= turns && idle(replicaId));
        return history(replicaId, chatId);
    }

    static long ends(List<HistoryEvent> events) {
        return events.stream()
                .filter(e -> e.type().equals("claude-result")
                        || (e.type().equals("codex-assistant")
                                && payload(e).path("type").asText().equals("agent_reasoning")
                                && payload(e).path("text").asText().startsWith("Turn ")))
                .count();
    }

    /** Every engine event of the replica so far, oldest first. */
    List<StreamEvent> engineEvents(String replicaId) throws InterruptedException {
        List<StreamEvent> all = new ArrayList<>();
        try (EventStream stream = t.services.events().open(t.caller, replicaId, "0")) {
            List<StreamEvent> page;
            while (!(page = stream.next(Duration.ofMillis(50))).isEmpty()) {
                all.addAll(page);
            }
        }
        return all;
    }

    static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(HistoryEvent::type).toList();
    }

    /** The agent event's payload as a JSON tree, to query by path. */
    static JsonNode payload(HistoryEvent event) {
        return new ObjectMapper().valueToTree(event.payload().payload());
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        t.close();
    }
}
