package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Fields;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Builds AgentEvents in each provider's own shape (spec §6.2), so history reads like the real agent's.
 * Codex has its own shapes; every other provider, the scripted agent included, uses Claude Code's.
 */
public final class AgentEvents {

    private AgentEvents() {}

    public static AgentEvent user(CodingAgent provider, String timestamp, String text) {
        if (provider == CodingAgent.CODEX) {
            return new AgentEvent(timestamp, "event_msg", Fields.of("type", "user_message", "message", text));
        }
        return claude(timestamp, "claude-user", "user", content("text", text));
    }

    public static AgentEvent assistantText(CodingAgent provider, String timestamp, String text) {
        if (provider == CodingAgent.CODEX) {
            return new AgentEvent(
                    timestamp,
                    "response_item",
                    Fields.of(
                            "type",
                            "message",
                            "role",
                            "assistant",
                            "content",
                            List.of(Fields.of("type", "output_text", "text", text))));
        }
        return claude(timestamp, "claude-assistant", "assistant", content("text", text));
    }

    /** The end of a turn: Claude's result event, or Codex's closing reasoning note. */
    public static AgentEvent result(
            CodingAgent provider, String timestamp, String sessionId, boolean success, String error) {
        if (provider == CodingAgent.CODEX) {
            String text = success ? "Turn complete." : "Turn failed: " + error;
            return new AgentEvent(timestamp, "event_msg", Fields.of("type", "agent_reasoning", "text", text));
        }
        Map<String, Object> payload = success
                ? Fields.of("type", "result", "subtype", "success", "is_error", false, "session_id", sessionId)
                // singletonList: the error may be null, which List.of refuses.
                : Fields.of(
                        "type",
                        "result",
                        "subtype",
                        "error",
                        "is_error",
                        true,
                        "session_id",
                        sessionId,
                        "errors",
                        Collections.singletonList(error));
        return new AgentEvent(timestamp, "claude-result", payload);
    }

    private static AgentEvent claude(String timestamp, String type, String role, List<Object> content) {
        return new AgentEvent(
                timestamp,
                type,
                Fields.of(
                        "type",
                        role,
                        "parent_tool_use_id",
                        null,
                        "message",
                        Fields.of("role", role, "content", content)));
    }

    private static List<Object> content(String type, String text) {
        return List.of(Fields.of("type", type, "text", text));
    }
}
