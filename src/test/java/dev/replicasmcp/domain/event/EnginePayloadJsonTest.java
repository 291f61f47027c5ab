package dev.replicasmcp.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.AgentEvents;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON text of every engine payload and of the agent events the domain builds: the stored rows,
 * the event stream and read_replica_history carry exactly these bytes (as they did when the domain built
 * Jackson trees itself).
 */
class EnginePayloadJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void engineEventsHaveTheSpecShapesInOrder() throws Exception {
        Chat chat = new Chat("c1", "r1", CodingAgent.CLAUDE, "Hi", true, null, "t1", "t2", false, 0);
        assertThat(json(new EnginePayload.TurnAccepted("c1", "m1", true, 2)))
                .isEqualTo("{\"chatId\":\"c1\",\"messageId\":\"m1\",\"queued\":true,\"position\":2}");
        assertThat(json(new EnginePayload.TurnStarted("c1", "m1")))
                .isEqualTo("{\"chatId\":\"c1\",\"messageId\":\"m1\"}");
        assertThat(json(new EnginePayload.TurnCompleted("c1", false)))
                .isEqualTo("{\"chatId\":\"c1\",\"isComplete\":false}");
        assertThat(json(new EnginePayload.ChatCreated(chat)))
                .isEqualTo("{\"chat\":{\"id\":\"c1\",\"provider\":"
                        + "\"claude\",\"title\":\"Hi\",\"createdAt\":\"t1\",\"updatedAt\":\"t2\",\"processing\":false,"
                        + "\"parentChatId\":null}}");
        assertThat(json(new EnginePayload.ChatDeleted("c1"))).isEqualTo("{\"chatId\":\"c1\"}");
        assertThat(json(new EnginePayload.EngineReady("1.0"))).isEqualTo("{\"version\":\"1.0\"}");
        assertThat(json(new EnginePayload.ReplicaDeleted("r1"))).isEqualTo("{\"replicaId\":\"r1\"}");
        assertThat(json(new EnginePayload.StatusChanged(5, 1, 2, 0, 1)))
                .isEqualTo("{\"status\":{\"uptimeSeconds\":5,"
                        + "\"hasActiveSSHSessions\":false,\"activeSseClients\":1,\"chatsTotal\":2,\"chatsProcessing\":0,"
                        + "\"reposTotal\":1,\"hooksRunning\":false}}");
        assertThat(json(new EnginePayload.HooksStatus(true))).isEqualTo("{\"running\":false,\"completed\":true}");
    }

    @Test
    void aDeltaCarriesTheAgentEventAsJacksonWritesTheRecord() throws Exception {
        AgentEvent event = AgentEvents.user(CodingAgent.CLAUDE, "t1", "hello");
        assertThat(json(new EnginePayload.TurnDelta("c1", event)))
                .isEqualTo("{\"chatId\":\"c1\",\"event\":" + JSON.writeValueAsString(event) + "}");
    }

    @Test
    void agentEventsHaveEachProvidersShape() throws Exception {
        assertThat(JSON.writeValueAsString(
                        AgentEvents.user(CodingAgent.CLAUDE, "t", "hi").payload()))
                .isEqualTo("{\"type\":\"user\",\"parent_tool_use_id\":null,\"message\":{\"role\":\"user\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}");
        assertThat(JSON.writeValueAsString(
                        AgentEvents.assistantText(CodingAgent.CODEX, "t", "hi").payload()))
                .isEqualTo("{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                        + "\"text\":\"hi\"}]}");
        assertThat(JSON.writeValueAsString(AgentEvents.result(CodingAgent.CLAUDE, "t", null, false, null)
                        .payload()))
                .isEqualTo("{\"type\":\"result\",\"subtype\":\"error\",\"is_error\":true,\"session_id\":null,"
                        + "\"errors\":[null]}");
        assertThat(JSON.writeValueAsString(AgentEvents.result(CodingAgent.CLAUDE, "t", "s", true, null)
                        .payload()))
                .isEqualTo("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"s\"}");
        assertThat(JSON.writeValueAsString(AgentEvents.result(CodingAgent.CODEX, "t", "s", false, "x")
                        .payload()))
                .isEqualTo("{\"type\":\"agent_reasoning\",\"text\":\"Turn failed: x\"}");
    }

    private static String json(EnginePayload payload) throws Exception {
        Map<String, Object> fields = payload.fields();
        return JSON.writeValueAsString(fields);
    }
}
