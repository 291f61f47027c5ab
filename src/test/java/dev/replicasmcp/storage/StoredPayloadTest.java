package dev.replicasmcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.RawJsonObject;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.BoundedText;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored event's payload is carried as its stored text, and is the same event as a whole read makes. */
class StoredPayloadTest {

    private final ObjectMapper tools = WireJson.mapper();

    private static byte[] stored(AgentEvent event) {
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStoredEventReadsAsTheEventItWasAndIsWrittenAsItWasStored() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "assistant");
        payload.put("text", "é 漢字 😀 \"q\" C:\\x \n\u2028");
        payload.put("numbers", List.of(1, 2.5, 12345678901L, true));
        payload.put("nested", Map.of("empty", Map.of(), "none", List.of()));
        payload.put("nothing", null);
        AgentEvent event = new AgentEvent("2026-11-30T10:00:00Z", "claude-assistant", payload);

        AgentEvent read = SqlHistoryStore.storedEvent(stored(event));

        assertThat(read.payload()).isInstanceOf(RawJsonObject.class).isInstanceOf(BoundedText.class);
        assertThat(read).isEqualTo(event);
        assertThat(tools.writeValueAsString(read)).isEqualTo(tools.writeValueAsString(event));
        assertThat(new String(tools.writeValueAsBytes(read), StandardCharsets.UTF_8))
                .isEqualTo(tools.writeValueAsString(event));
        assertThat(tools.<JsonNode>valueToTree(read)).isEqualTo(tools.valueToTree(event));
    }

    @Test
    void otherShapesAreReadWholeAsBefore() {
        assertThat(SqlHistoryStore.storedEvent(bytes("{\"timestamp\":null,\"type\":\"x\",\"payload\":null}")))
                .isEqualTo(new AgentEvent("null", "x", null));
        assertThat(SqlHistoryStore.storedEvent(bytes("{\"payload\":{\"a\":1}}")))
                .isEqualTo(new AgentEvent("", "", Map.of("a", 1)));
        AgentEvent extra = SqlHistoryStore.storedEvent(bytes("{\"extra\":[1],\"type\":\"t\",\"payload\":{\"a\":1}}"));
        assertThat(extra).isEqualTo(new AgentEvent("", "t", Map.of("a", 1)));
        assertThat(extra.payload()).isNotInstanceOf(RawJsonObject.class);
        assertThat(SqlHistoryStore.storedEvent(bytes("{\"timestamp\":5,\"type\":\"t\",\"payload\":{}}")))
                .isEqualTo(new AgentEvent("5", "t", Map.of()));
    }

    @Test
    void itsBoundIsItsStoredLength() {
        RawJsonObject object = new RawJsonObject(bytes("{\"text\":\"" + "x".repeat(100) + "\"}"));
        assertThat(object.longestTextAtMost()).isEqualTo(111);
        assertThat(object.get("text")).isEqualTo("x".repeat(100));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
