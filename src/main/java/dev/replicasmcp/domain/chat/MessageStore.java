package dev.replicasmcp.domain.chat;

import java.util.List;
import java.util.Optional;

/** Persistence of messages and their queue state. */
public interface MessageStore {

    void insert(Message message);

    int countInState(String chatId, MessageState state);

    long nextQueueSeq(String chatId);

    /** The oldest queued message of the chat. */
    Optional<Message> headOfQueue(String chatId);

    void markStarted(String messageId, String at);

    void markFinished(String messageId, MessageState state, String at, String error);

    /** The error a finished message's turn ended with; empty when it completed (or is unknown). */
    Optional<String> error(String messageId);

    List<Message> inState(MessageState state);

    /** Chats of the replica that have queued messages, in the order their oldest message arrived. */
    List<String> chatsWithQueued(String replicaId);

    /** Every chat, of any replica, that has queued messages. */
    List<String> allChatsWithQueued();
}
