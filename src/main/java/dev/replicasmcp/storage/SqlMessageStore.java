package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.MESSAGES;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.Message;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.chat.MessageStore;
import dev.replicasmcp.storage.jooq.tables.records.MessagesRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.impl.DSL;

/** Messages and their queue state in SQLite. */
public final class SqlMessageStore implements MessageStore {

    private static final TypeReference<List<Image>> IMAGES = new TypeReference<>() {};

    private final Database db;

    public SqlMessageStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Message m) {
        db.run(dsl -> dsl.insertInto(MESSAGES)
                .set(MESSAGES.ID, m.id())
                .set(MESSAGES.CHAT_ID, m.chatId())
                .set(MESSAGES.REPLICA_ID, m.replicaId())
                .set(MESSAGES.TEXT, m.text())
                .set(MESSAGES.IMAGES_JSON, m.images() == null || m.images().isEmpty() ? null : Json.write(m.images()))
                .set(MESSAGES.MODEL, m.model())
                .set(
                        MESSAGES.THINKING_LEVEL,
                        m.thinkingLevel() == null ? null : m.thinkingLevel().wire())
                .set(MESSAGES.PLAN_MODE, m.planMode() ? 1 : 0)
                .set(MESSAGES.STATE, m.state().wire())
                .set(MESSAGES.QUEUE_SEQ, (int) m.queueSeq())
                .set(MESSAGES.POSITION, m.position())
                .set(MESSAGES.QUEUED_AT, m.queuedAt())
                .execute());
    }

    @Override
    public int countInState(String chatId, MessageState state) {
        return db.with(
                dsl -> dsl.fetchCount(MESSAGES, MESSAGES.CHAT_ID.eq(chatId).and(MESSAGES.STATE.eq(state.wire()))));
    }

    @Override
    public long nextQueueSeq(String chatId) {
        return db.with(dsl -> dsl.select(DSL.coalesce(DSL.max(MESSAGES.QUEUE_SEQ), 0))
                        .from(MESSAGES)
                        .where(MESSAGES.CHAT_ID.eq(chatId))
                        .fetchOne(0, Integer.class))
                + 1L;
    }

    @Override
    public Optional<Message> headOfQueue(String chatId) {
        return db.with(dsl -> dsl.selectFrom(MESSAGES)
                .where(MESSAGES.CHAT_ID.eq(chatId).and(MESSAGES.STATE.eq(MessageState.QUEUED.wire())))
                .orderBy(MESSAGES.QUEUE_SEQ)
                .limit(1)
                .fetchOptional(SqlMessageStore::toMessage));
    }

    @Override
    public void markStarted(String messageId, String at) {
        db.run(dsl -> dsl.update(MESSAGES)
                .set(MESSAGES.STATE, MessageState.PROCESSING.wire())
                .set(MESSAGES.STARTED_AT, at)
                .where(MESSAGES.ID.eq(messageId))
                .execute());
    }

    @Override
    public void markFinished(String messageId, MessageState state, String at, String error) {
        db.run(dsl -> dsl.update(MESSAGES)
                .set(MESSAGES.STATE, state.wire())
                .set(MESSAGES.FINISHED_AT, at)
                .set(MESSAGES.ERROR, error)
                .where(MESSAGES.ID.eq(messageId))
                .execute());
    }

    @Override
    public Optional<String> error(String messageId) {
        return db.with(dsl -> dsl.select(MESSAGES.ERROR)
                .from(MESSAGES)
                .where(MESSAGES.ID.eq(messageId))
                .fetchOptional(MESSAGES.ERROR)
                .filter(java.util.Objects::nonNull));
    }

    @Override
    public List<Message> inState(MessageState state) {
        return db.with(dsl -> dsl.selectFrom(MESSAGES)
                .where(MESSAGES.STATE.eq(state.wire()))
                .orderBy(MESSAGES.QUEUED_AT)
                .fetch(SqlMessageStore::toMessage));
    }

    @Override
    public List<String> chatsWithQueued(String replicaId) {
        return db.with(dsl -> dsl.select(MESSAGES.CHAT_ID)
                .from(MESSAGES)
                .where(MESSAGES.REPLICA_ID.eq(replicaId).and(MESSAGES.STATE.eq(MessageState.QUEUED.wire())))
                .groupBy(MESSAGES.CHAT_ID)
                .orderBy(DSL.min(MESSAGES.QUEUED_AT))
                .fetch(MESSAGES.CHAT_ID));
    }

    @Override
    public List<String> allChatsWithQueued() {
        return db.with(dsl -> dsl.select(MESSAGES.CHAT_ID)
                .from(MESSAGES)
                .where(MESSAGES.STATE.eq(MessageState.QUEUED.wire()))
                .groupBy(MESSAGES.CHAT_ID)
                .orderBy(DSL.min(MESSAGES.QUEUED_AT))
                .fetch(MESSAGES.CHAT_ID));
    }

    private static Message toMessage(MessagesRecord r) {
        List<Image> images = r.getImagesJson() == null ? List.of() : readImages(r.getImagesJson());
        return new Message(
                r.getId(),
                r.getChatId(),
                r.getReplicaId(),
                r.getText(),
                images,
                r.getModel(),
                r.getThinkingLevel() == null
                        ? null
                        : ThinkingLevel.valueOf(r.getThinkingLevel().toUpperCase(Locale.ROOT)),
                r.getPlanMode() == 1,
                MessageState.valueOf(r.getState().toUpperCase(Locale.ROOT)),
                r.getQueueSeq(),
                r.getPosition(),
                r.getQueuedAt());
    }

    private static List<Image> readImages(String json) {
        try {
            return Json.MAPPER.readValue(json, IMAGES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored images of a message are corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
