package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.CHATS;
import static dev.replicasmcp.storage.jooq.Tables.MESSAGES;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.MessageState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Chats in SQLite; `processing` and the queue's length are read from the messages table so they never go stale. */
public final class SqlChatStore implements ChatStore {

    private static final Field<Boolean> PROCESSING = DSL.field(DSL.exists(DSL.selectOne()
                    .from(MESSAGES)
                    .where(MESSAGES.CHAT_ID.eq(CHATS.ID).and(MESSAGES.STATE.eq(MessageState.PROCESSING.wire())))))
            .as("processing");

    private static final Field<Integer> QUEUED = DSL.field(DSL.selectCount()
                    .from(MESSAGES)
                    .where(MESSAGES.CHAT_ID.eq(CHATS.ID).and(MESSAGES.STATE.eq(MessageState.QUEUED.wire()))))
            .as("queued_messages");

    private final Database db;

    public SqlChatStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Chat c) {
        db.run(dsl -> dsl.insertInto(CHATS)
                .set(CHATS.ID, c.id())
                .set(CHATS.REPLICA_ID, c.replicaId())
                .set(CHATS.PROVIDER, c.provider().wire())
                .set(CHATS.TITLE, c.title())
                .set(CHATS.IS_DEFAULT, c.isDefault() ? 1 : 0)
                .set(CHATS.THREAD_ID, c.threadId())
                .set(CHATS.CREATED_AT, c.createdAt())
                .set(CHATS.UPDATED_AT, c.updatedAt())
                .execute());
    }

    @Override
    public Optional<Chat> find(String replicaId, String chatId) {
        return first(CHATS.REPLICA_ID.eq(replicaId).and(CHATS.ID.eq(chatId)), CHATS.ID.asc());
    }

    @Override
    public Optional<Chat> findById(String chatId) {
        return first(CHATS.ID.eq(chatId), CHATS.ID.asc());
    }

    @Override
    public List<Chat> list(String replicaId) {
        return db.with(dsl -> dsl.select(CHATS.fields())
                .select(PROCESSING, QUEUED)
                .from(CHATS)
                .where(CHATS.REPLICA_ID.eq(replicaId))
                .orderBy(CHATS.CREATED_AT, CHATS.rowid())
                .fetch(SqlChatStore::toChat));
    }

    @Override
    public Optional<Chat> defaultChat(String replicaId) {
        return first(CHATS.REPLICA_ID.eq(replicaId).and(CHATS.IS_DEFAULT.eq(1)), CHATS.CREATED_AT.asc());
    }

    @Override
    public Optional<Chat> latestForProvider(String replicaId, CodingAgent provider) {
        return first(CHATS.REPLICA_ID.eq(replicaId).and(CHATS.PROVIDER.eq(provider.wire())), CHATS.UPDATED_AT.desc());
    }

    private Optional<Chat> first(Condition condition, SortField<?> order) {
        return db.with(dsl -> dsl.select(CHATS.fields())
                .select(PROCESSING, QUEUED)
                .from(CHATS)
                .where(condition)
                .orderBy(order)
                .limit(1)
                .fetchOptional(SqlChatStore::toChat));
    }

    @Override
    public void delete(String chatId) {
        db.run(dsl -> dsl.deleteFrom(CHATS).where(CHATS.ID.eq(chatId)).execute());
    }

    @Override
    public void setThreadId(String chatId, String threadId) {
        db.run(dsl -> dsl.update(CHATS)
                .set(CHATS.THREAD_ID, threadId)
                .where(CHATS.ID.eq(chatId))
                .execute());
    }

    @Override
    public void touch(String chatId, String at) {
        db.run(dsl -> dsl.update(CHATS)
                .set(CHATS.UPDATED_AT, at)
                .where(CHATS.ID.eq(chatId))
                .execute());
    }

    private static Chat toChat(Record r) {
        return new Chat(
                r.get(CHATS.ID),
                r.get(CHATS.REPLICA_ID),
                CodingAgent.valueOf(r.get(CHATS.PROVIDER).toUpperCase(Locale.ROOT)),
                r.get(CHATS.TITLE),
                r.get(CHATS.IS_DEFAULT) == 1,
                r.get(CHATS.THREAD_ID),
                r.get(CHATS.CREATED_AT),
                r.get(CHATS.UPDATED_AT),
                Boolean.TRUE.equals(r.get(PROCESSING)),
                r.get(QUEUED));
    }
}
