package dev.replicasmcp.domain.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds AgentEvents in each provider's own shape (spec §6.2), so history reads like the real agent's.
 * Codex has its own shapes; every other provider, the scripted agent included, uses Claude Code's.
 */
public final class AgentEvents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AgentEvents() {
    }

    public static AgentEvent user(CodingAgent provider, String timestamp, String text) {
        if (provider == CodingAgent.CODEX) {
            ObjectNode payload = JSON.objectNode().put("type", "user_message").put("message", text);
            return new AgentEvent(timestamp, "event_msg", payload);
        }
        return claude(timestamp, "claude-user", "user", content("text", text));
    }

    public static AgentEvent assistantText(CodingAgent provider, String timestamp, String text) {
        if (provider == CodingAgent.CODEX) {
            ObjectNode payload = JSON.objectNode().put("type", "message").put("role", "assistant");
            payload.putArray("content").addObject().put("type", "output_text").put("text", text);
            return new AgentEvent(timestamp, "response_item", payload);
        }
        return claude(timestamp, "claude-assistant", "assistant", content("text", text));
    }

    /** The end of a turn: Claude's result event, or Codex's closing reasoning note. */
    public static AgentEvent result(CodingAgent provider, String timestamp, String sessionId, boolean success,
                                    String error) {
        if (provider == CodingAgent.CODEX) {
            String text = success ? "Turn complete." : "Turn failed: " + error;
            ObjectNode payload = JSON.objectNode().put("type", "agent_reasoning").put("text", text);
            return new AgentEvent(timestamp, "event_msg", payload);
        }
        ObjectNode payload = JSON.objectNode().put("type", "result").put("subtype", success ? "success" : "error")
                .put("is_error", !success).put("session_id", sessionId);
        if (!success) {
            payload.putArray("errors").add(error);
        }
        return new AgentEvent(timestamp, "claude-result", payload);
    }

    private static AgentEvent claude(String timestamp, String type, String role, ArrayNode content) {
        ObjectNode payload = JSON.objectNode().put("type", role);
        payload.putNull("parent_tool_use_id");
        payload.putObject("message").put("role", role).set("content", content);
        return new AgentEvent(timestamp, type, payload);
    }

    private static ArrayNode content(String type, String text) {
        ArrayNode blocks = JSON.arrayNode();
        blocks.addObject().put("type", type).put("text", text);
        return blocks;
    }
}
