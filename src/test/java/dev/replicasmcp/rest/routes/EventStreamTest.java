package dev.replicasmcp.rest.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.support.Contract;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.SseReader;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/replica/{id}/events: snapshot, live turn events in order, heartbeats, resume, end on deletion. */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static HttpFixture http;
    static Environment environment;

    @BeforeAll
    static void start() throws Exception {
        http = HttpFixture.start(dir, Duration.ofMillis(300), Duration.ofMillis(300));
        environment = http.core.environment("events-env");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A replica whose first turn is over, so the stream only carries what the test does next. */
    static String quietReplica(String name) {
        String id = http.core
                .services
                .replicas()
                .create(http.core.caller, TestCore.create(name, "warm up", environment.id()))
                .replica()
                .id();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(http.get("/v1/replica/" + id + "/chats")
                                .expect(200)
                                .path("chats")
                                .get(0)
                                .path("processing")
                                .asBoolean())
                        .isFalse());
        return id;
    }

    static SseReader open(String replicaId, String lastEventId) throws Exception {
        SseReader reader =
                SseReader.open(http.client, http.base + "/v1/replica/" + replicaId + "/events", http.key, lastEventId);
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.contentType()).startsWith("text/event-stream");
        return reader;
    }

    static String send(String replicaId, String message) {
        return http.post("/v1/replica/" + replicaId + "/messages", Map.of("message", message))
                .expect(200)
                .path("message_id")
                .asText();
    }

    /** Every engine event type the OpenAPI documents is checked against its EngineEvent variant. */
    static void assertContract(List<SseReader.Event> events) {
        for (SseReader.Event event : events) {
            if (!event.type().equals("replica.deleted")) {
                assertThat(Contract.get().validate("#/components/schemas/EngineEvent", event.data()))
                        .as("event %s", event.data())
                        .isEmpty();
            }
        }
    }

    @Test
    void aNewSubscriberGetsASnapshotThenTheTurnsEventsInOrder() throws Exception {
        String id = quietReplica("in-order");
        try (SseReader stream = open(id, null)) {
            List<SseReader.Event> snapshot = List.of(stream.next(WAIT), stream.next(WAIT));
            assertThat(snapshot)
                    .extracting(SseReader.Event::type)
                    .containsExactly("engine.status.changed", "hooks.status");
            JsonNode status = snapshot.get(0).data().path("payload").path("status");
            assertThat(status.path("chatsTotal").asInt()).isEqualTo(1);
            assertThat(status.path("activeSseClients").asInt()).isEqualTo(1);

            String messageId = send(id, "do the thing");
            List<SseReader.Event> turn = stream.until(e -> e.type().equals("chat.turn.completed"), WAIT);
            assertThat(turn)
                    .extracting(SseReader.Event::type)
                    .startsWith("chat.turn.accepted", "chat.turn.started")
                    .endsWith("chat.turn.completed");
            List<String> middle = turn.subList(2, turn.size() - 1).stream()
                    .map(SseReader.Event::type)
                    .toList();
            assertThat(middle).isNotEmpty().containsOnly("chat.turn.delta");
            assertThat(turn.get(0).data().path("payload").path("messageId").asText())
                    .isEqualTo(messageId);
            assertThat(turn.get(turn.size() - 1)
                            .data()
                            .path("payload")
                            .path("isComplete")
                            .asBoolean())
                    .isTrue();
            List<Long> ids = turn.stream().map(e -> Long.parseLong(e.sseId())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(turn).allSatisfy(e -> assertThat(e.id()).isEqualTo(e.sseId()));
            assertContract(snapshot);
            assertContract(turn);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyTheEventsItMissed() throws Exception {
        String id = quietReplica("resumer");
        try (SseReader witness = open(id, null)) {
            witness.until(e -> e.type().equals("hooks.status"), WAIT);
            List<SseReader.Event> seen = new ArrayList<>();
            String lastId;
            try (SseReader first = open(id, null)) {
                first.until(e -> e.type().equals("hooks.status"), WAIT);
                send(id, "one");
                seen.addAll(first.until(e -> e.type().equals("chat.turn.started"), WAIT));
                lastId = seen.get(seen.size() - 1).sseId();
            }
            // Disconnected: the rest of this turn and a whole second one happen unseen.
            List<SseReader.Event> all =
                    new ArrayList<>(witness.until(e -> e.type().equals("chat.turn.completed"), WAIT));
            send(id, "two");
            all.addAll(witness.until(e -> e.type().equals("chat.turn.completed"), WAIT));

            try (SseReader resumed = open(id, lastId)) {
                String end = all.get(all.size() - 1).sseId();
                List<SseReader.Event> replayed = resumed.until(e -> e.sseId().equals(end), WAIT);
                List<SseReader.Event> missed = all.stream()
                        .filter(e -> Long.parseLong(e.sseId())
                                > Long.parseLong(seen.get(seen.size() - 1).sseId()))
                        .toList();
                assertThat(replayed).as("no snapshot on resume").allMatch(SseReader.Event::persisted);
                assertThat(replayed)
                        .extracting(SseReader.Event::data)
                        .containsExactlyElementsOf(
                                missed.stream().map(SseReader.Event::data).toList());
                assertThat(resumed.next(Duration.ofMillis(500)))
                        .as("nothing more than what was missed")
                        .isNull();
                assertThat(resumed.pings())
                        .as("a quiet stream sends heartbeats")
                        .isPositive();
            }
        }
    }

    @Test
    void aLastEventIdPastTheEndReplaysNothingAndMissesNothingNew() throws Exception {
        String id = quietReplica("future-cursor");
        try (SseReader resumed = open(id, "999999999")) {
            assertThat(resumed.next(Duration.ofMillis(500)))
                    .as("nothing replayed")
                    .isNull();
            send(id, "after the cursor");
            List<SseReader.Event> turn = resumed.until(e -> e.type().equals("chat.turn.completed"), WAIT);
            assertThat(turn).extracting(SseReader.Event::type).startsWith("chat.turn.accepted");
        }
    }

    @Test
    void theStreamEndsWhenTheReplicaIsDeleted() throws Exception {
        String id = quietReplica("doomed");
        try (SseReader stream = open(id, null)) {
            stream.until(e -> e.type().equals("hooks.status"), WAIT);
            http.delete("/v1/replica/" + id).expect(200);
            SseReader.Event last =
                    stream.until(e -> e.type().equals("replica.deleted"), WAIT).get(0);
            assertThat(last.data().path("payload").path("replicaId").asText()).isEqualTo(id);
            assertThat(stream.next(WAIT)).as("the server closes the stream").isNull();
            assertThat(stream.ended()).isTrue();
        }
        try (SseReader gone =
                SseReader.open(http.client, http.base + "/v1/replica/" + id + "/events", http.key, null)) {
            assertThat(gone.status()).isEqualTo(404);
        }
    }

    @Test
    void refusalsAreErrorsNotStreams() throws Exception {
        try (SseReader unknown = SseReader.open(
                http.client, http.base + "/v1/replica/" + UUID.randomUUID() + "/events", http.key, null)) {
            assertThat(unknown.status()).isEqualTo(404);
            JsonNode error = unknown.errorBody();
            assertThat(error.path("error").asText()).contains("No replica");
            assertThat(Contract.get().problems("GET", "/v1/replica/x/events", 404, error))
                    .isEmpty();
        }
        String id = quietReplica("bad-resume");
        try (SseReader bad =
                SseReader.open(http.client, http.base + "/v1/replica/" + id + "/events", http.key, "yesterday")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorBody().path("error").asText()).contains("Last-Event-ID");
        }
    }
}
