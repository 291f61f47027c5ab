package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.agent.AgentEvent;

/**
 * One stored event of a chat's history: the provider-prefixed type around the raw AgentEvent (spec §6.3).
 * For Claude the outer type equals the inner one; Codex user input is codex-user, the rest codex-assistant.
 */
public record HistoryEvent(String timestamp, String type, AgentEvent payload) {

    public static HistoryEvent of(AgentEvent event) {
        return new HistoryEvent(event.timestamp(), outerType(event), event);
    }

    private static String outerType(AgentEvent event) {
        String inner = event.type();
        if (inner.equals("event_msg") || inner.equals("response_item")) {
            boolean userInput = inner.equals("event_msg")
                    && event.payload() != null
                    && "user_message".equals(event.payload().get("type"));
            return userInput ? "codex-user" : "codex-assistant";
        }
        return inner;
    }
}
