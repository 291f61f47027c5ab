package dev.replicasmcp.domain.agent;

import java.util.Map;

/**
 * One event of an agent's turn in the shapes of spec §6.2: Claude events are typed claude-user,
 * claude-assistant, claude-result, claude-system; Codex events event_msg or response_item.
 * The payload is open because each agent owns its format: a JSON object as JSON-shaped values (Map,
 * List, String, Number, Boolean, null), read and written as JSON by runtime, storage and the front doors.
 */
public record AgentEvent(String timestamp, String type, Map<String, Object> payload) {}
