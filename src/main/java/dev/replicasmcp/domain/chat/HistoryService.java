package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import java.util.List;
import java.util.Optional;

/** Reads a chat's history in windows from the end (spec §4.2 Read History). */
public final class HistoryService {

    private final HistoryStore history;
    private final ChatStore chats;
    private final ChatService chatService;
    private final ReplicaLookup replicas;
    private final ReplicaLifecycle lifecycle;

    public HistoryService(
            HistoryStore history,
            ChatStore chats,
            ChatService chatService,
            ReplicaLookup replicas,
            ReplicaLifecycle lifecycle) {
        this.history = history;
        this.chats = chats;
        this.chatService = chatService;
        this.replicas = replicas;
        this.lifecycle = lifecycle;
    }

    /**
     * Events e[max(0, total-offset-limit) .. total-offset-1], oldest first. A null limit means every
     * remaining event. A sleeping replica is woken and answers an empty page with waking = true.
     */
    public HistoryPage read(Caller caller, String replicaId, String chatId, Integer limit, Integer offset) {
        if (limit != null && limit < 1) {
            throw DomainException.invalid("Field 'limit' must be at least 1; got " + limit + ".");
        }
        if (offset != null && offset < 0) {
            throw DomainException.invalid("Field 'offset' must be 0 or more; got " + offset + ".");
        }
        // Its own columns only: a page of history names none of its repositories.
        Replica replica = replicas.requireWithoutLinks(caller, replicaId);
        Optional<Chat> chat = resolve(replica, Validation.optionalTrimmed(chatId));
        if (lifecycle.wakeIfAsleep(replica)) {
            return new HistoryPage(null, List.of(), 0, false, replica.codingAgent(), true);
        }
        if (chat.isEmpty()) {
            return new HistoryPage(null, List.of(), 0, false, replica.codingAgent(), null);
        }
        long total = history.count(chat.get().id());
        long end = total - (offset == null ? 0 : offset);
        long start = limit == null ? 0 : Math.max(0, end - limit);
        List<HistoryEvent> events =
                end <= 0 ? List.of() : history.window(chat.get().id(), start, end);
        return new HistoryPage(
                chat.get().threadId(),
                events,
                total,
                end > 0 && start > 0,
                chat.get().provider(),
                null);
    }

    private Optional<Chat> resolve(Replica replica, String chatId) {
        if (chatId != null) {
            return Optional.of(chatService.require(replica, chatId));
        }
        return chats.defaultChatWithoutQueue(replica.id()); // a page names neither of the queue's counts
    }
}
