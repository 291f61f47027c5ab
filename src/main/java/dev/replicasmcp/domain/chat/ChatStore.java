package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.agent.CodingAgent;
import java.util.List;
import java.util.Optional;

/** Persistence of chats; `processing` is derived from the chat's messages, never stored. */
public interface ChatStore {

    void insert(Chat chat);

    Optional<Chat> find(String replicaId, String chatId);

    Optional<Chat> findById(String chatId);

    /** Oldest first. */
    List<Chat> list(String replicaId);

    Optional<Chat> defaultChat(String replicaId);

    /**
     * As {@link #defaultChat}, without reading its queue: processing is false and queuedMessages 0 whatever
     * they are. For readers that use neither (a page of history), two reads of the messages fewer.
     */
    Optional<Chat> defaultChatWithoutQueue(String replicaId);

    Optional<Chat> latestForProvider(String replicaId, CodingAgent provider);

    void delete(String chatId);

    void setThreadId(String chatId, String threadId);

    void touch(String chatId, String at);
}
