package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.MESSAGES;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.Message;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.chat.MessageStore;
import dev.replicasmcp.storage.jooq.tables.records.MessagesRecord;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        db.update(
                Sql.INSERT,
                m.id(),
                m.chatId(),
                m.replicaId(),
                m.text(),
                m.images() == null || m.images().isEmpty() ? null : Json.write(m.images()),
                m.model(),
                m.thinkingLevel() == null ? null : m.thinkingLevel().wire(),
                m.planMode() ? 1 : 0,
                m.state().wire(),
                (int) m.queueSeq(),
                m.position(),
                m.queuedAt());
    }

    @Override
    public int countInState(String chatId, MessageState state) {
        return db.count(Sql.COUNT_IN_STATE, chatId, state.wire());
    }

    @Override
    public long nextQueueSeq(String chatId) {
        return db.count(Sql.LAST_QUEUE_SEQ, lastQueueSeqArgs(chatId)) + 1L;
    }

    /** The chat and each state, in the order of {@link Sql#LAST_QUEUE_SEQ}'s parts. */
    static Object[] lastQueueSeqArgs(String chatId) {
        MessageState[] states = MessageState.values();
        Object[] args = new Object[states.length * 2];
        for (int i = 0; i < states.length; i++) {
            args[2 * i] = chatId;
            args[2 * i + 1] = states[i].wire();
        }
        return args;
    }

    @Override
    public Optional<Message> headOfQueue(String chatId) {
        return Sql.HEAD_OF_QUEUE.fetchInto(db, MESSAGES, Map.of("chat", chatId)).stream()
                .findFirst()
                .map(SqlMessageStore::toMessage);
    }

    @Override
    public void markStarted(String messageId, String at) {
        db.update(Sql.MARK_STARTED, MessageState.PROCESSING.wire(), at, messageId);
    }

    @Override
    public void markFinished(String messageId, MessageState state, String at, String error) {
        db.update(Sql.MARK_FINISHED, state.wire(), at, error, messageId);
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

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    static final class Sql {
        /** Plain SQL (see {@link PlainSql}): a send makes each of these once or twice. */
        static final String INSERT = PlainSql.insert(
                MESSAGES,
                MESSAGES.ID,
                MESSAGES.CHAT_ID,
                MESSAGES.REPLICA_ID,
                MESSAGES.TEXT,
                MESSAGES.IMAGES_JSON,
                MESSAGES.MODEL,
                MESSAGES.THINKING_LEVEL,
                MESSAGES.PLAN_MODE,
                MESSAGES.STATE,
                MESSAGES.QUEUE_SEQ,
                MESSAGES.POSITION,
                MESSAGES.QUEUED_AT);

        static final String COUNT_IN_STATE = PlainSql.select("count(*)", MESSAGES, MESSAGES.CHAT_ID, MESSAGES.STATE);

        /**
         * The chat's highest queue number, as the largest of each state's: the index (chat_id, state, queue_seq)
         * answers each of those with one seek, where a maximum over the chat alone read every message the chat
         * ever had (a send made this query, and it grew with the chat's age). Bound by {@link SqlMessageStore#lastQueueSeqArgs}.
         */
        static final String LAST_QUEUE_SEQ = "SELECT coalesce(max(m), 0) FROM ("
                + String.join(
                        " UNION ALL ",
                        Collections.nCopies(
                                MessageState.values().length,
                                PlainSql.select(
                                        "max(" + PlainSql.quoted(MESSAGES.QUEUE_SEQ.getName()) + ") AS m",
                                        MESSAGES,
                                        MESSAGES.CHAT_ID,
                                        MESSAGES.STATE)))
                + ")";

        /** Every turn started reads it: built and rendered once (see {@link StaticQuery}). */
        static final StaticQuery HEAD_OF_QUEUE = StaticQuery.of(() -> DSL.selectFrom(MESSAGES)
                .where(MESSAGES.CHAT_ID
                        .eq(StaticQuery.value("chat"))
                        .and(MESSAGES.STATE.eq(MessageState.QUEUED.wire())))
                .orderBy(MESSAGES.QUEUE_SEQ)
                .limit(1));

        static final String MARK_STARTED = PlainSql.update(MESSAGES, MESSAGES.ID, MESSAGES.STATE, MESSAGES.STARTED_AT);
        static final String MARK_FINISHED =
                PlainSql.update(MESSAGES, MESSAGES.ID, MESSAGES.STATE, MESSAGES.FINISHED_AT, MESSAGES.ERROR);
    }
}
