package dev.replicasmcp.domain.event;

import dev.replicasmcp.domain.Fields;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.chat.Chat;
import java.util.Map;

/**
 * What an engine event says (spec §6.1), one record per event type. {@link #fields()} is the payload in
 * the spec's camelCase shape and field order; storage and the event stream write it as JSON unchanged.
 */
public sealed interface EnginePayload {

    /** The event type on the wire, e.g. chat.turn.started. */
    String type();

    /** The payload as JSON-shaped values, in wire order. */
    Map<String, Object> fields();

    record TurnAccepted(String chatId, String messageId, boolean queued, int position) implements EnginePayload {
        public String type() {
            return "chat.turn.accepted";
        }

        public Map<String, Object> fields() {
            return Fields.of("chatId", chatId, "messageId", messageId, "queued", queued, "position", position);
        }
    }

    record TurnStarted(String chatId, String messageId) implements EnginePayload {
        public String type() {
            return "chat.turn.started";
        }

        public Map<String, Object> fields() {
            return Fields.of("chatId", chatId, "messageId", messageId);
        }
    }

    /** One agent event of a running turn, as its history stores it. */
    record TurnDelta(String chatId, AgentEvent event) implements EnginePayload {
        public String type() {
            return "chat.turn.delta";
        }

        public Map<String, Object> fields() {
            return Fields.of(
                    "chatId",
                    chatId,
                    "event",
                    Fields.of("timestamp", event.timestamp(), "type", event.type(), "payload", event.payload()));
        }
    }

    record TurnCompleted(String chatId, boolean complete) implements EnginePayload {
        public String type() {
            return "chat.turn.completed";
        }

        public Map<String, Object> fields() {
            return Fields.of("chatId", chatId, "isComplete", complete);
        }
    }

    /** A new chat, as the engine's chat summary (spec §6.1 EngineChatSummary). */
    record ChatCreated(Chat chat) implements EnginePayload {
        public String type() {
            return "chat.created";
        }

        public Map<String, Object> fields() {
            return Fields.of(
                    "chat",
                    Fields.of(
                            "id",
                            chat.id(),
                            "provider",
                            chat.provider().wire(),
                            "title",
                            chat.title(),
                            "createdAt",
                            chat.createdAt(),
                            "updatedAt",
                            chat.updatedAt(),
                            "processing",
                            chat.processing(),
                            "parentChatId",
                            null));
        }
    }

    record ChatDeleted(String chatId) implements EnginePayload {
        public String type() {
            return "chat.deleted";
        }

        public Map<String, Object> fields() {
            return Fields.of("chatId", chatId);
        }
    }

    record EngineReady(String version) implements EnginePayload {
        public String type() {
            return "engine.ready";
        }

        public Map<String, Object> fields() {
            return Fields.of("version", version);
        }
    }

    /** The last event of a replica: streams end after it. */
    record ReplicaDeleted(String replicaId) implements EnginePayload {
        public String type() {
            return ReplicaEvents.DELETED;
        }

        public Map<String, Object> fields() {
            return Fields.of("replicaId", replicaId);
        }
    }

    /** The status part of a new subscriber's snapshot; never stored. */
    record StatusChanged(long uptimeSeconds, int activeSseClients, int chatsTotal, long chatsProcessing, int reposTotal)
            implements EnginePayload {
        public String type() {
            return "engine.status.changed";
        }

        public Map<String, Object> fields() {
            return Fields.of(
                    "status",
                    Fields.of(
                            "uptimeSeconds",
                            uptimeSeconds,
                            "hasActiveSSHSessions",
                            false,
                            "activeSseClients",
                            activeSseClients,
                            "chatsTotal",
                            chatsTotal,
                            "chatsProcessing",
                            chatsProcessing,
                            "reposTotal",
                            reposTotal,
                            "hooksRunning",
                            false));
        }
    }

    /** The hooks part of a new subscriber's snapshot; never stored. */
    record HooksStatus(boolean completed) implements EnginePayload {
        public String type() {
            return "hooks.status";
        }

        public Map<String, Object> fields() {
            return Fields.of("running", false, "completed", completed);
        }
    }
}
