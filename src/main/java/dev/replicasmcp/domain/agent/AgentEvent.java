package dev.replicasmcp.domain.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of an agent's turn in the shapes of spec §6.2: Claude events are typed claude-user,
 * claude-assistant, claude-result, claude-system; Codex events event_msg or response_item.
 * The payload is open JSON because each agent owns its format.
 */
public record AgentEvent(String timestamp, String type, JsonNode payload) {
}
