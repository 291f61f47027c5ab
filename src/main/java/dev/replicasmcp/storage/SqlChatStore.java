package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.CHATS;
import static dev.replicasmcp.storage.jooq.Tables.MESSAGES;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.MessageState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Chats in SQLite; `processing` and the queue's length are read from the messages table so they never go stale. */
public final class SqlChatStore implements ChatStore {

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
        return one(Sql.FIND, Map.of("replica_id", replicaId, "chat_id", chatId));
    }

    @Override
    public Optional<Chat> findById(String chatId) {
        return one(Sql.FIND_BY_ID, Map.of("chat_id", chatId));
    }

    @Override
    public List<Chat> list(String replicaId) {
        return Sql.LIST.fetchRows(db, Map.of("replica_id", replicaId), SqlChatStore::toChat);
    }

    @Override
    public Optional<Chat> defaultChat(String replicaId) {
        return one(Sql.DEFAULT, Map.of("replica_id", replicaId));
    }

    @Override
    public Optional<Chat> defaultChatWithoutQueue(String replicaId) {
        return one(Sql.DEFAULT_WITHOUT_QUEUE, Map.of("replica_id", replicaId));
    }

    @Override
    public Optional<Chat> latestForProvider(String replicaId, CodingAgent provider) {
        return one(Sql.LATEST_FOR_PROVIDER, Map.of("replica_id", replicaId, "provider", provider.wire()));
    }

    private static StaticQuery first(Condition condition, SortField<?> order) {
        return first(condition, order, Sql.PROCESSING, Sql.QUEUED);
    }

    /** The first chat in that order, with the two columns toChat reads after the table's. */
    private static StaticQuery first(Condition condition, SortField<?> order, Field<?> processing, Field<?> queued) {
        return StaticQuery.of(() -> DSL.select(CHATS.fields())
                .select(processing, queued)
                .from(CHATS)
                .where(condition)
                .orderBy(order)
                .limit(1));
    }

    private Optional<Chat> one(StaticQuery query, Map<String, ?> values) {
        return query.fetchRows(db, values, SqlChatStore::toChat).stream().findFirst();
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
        db.update(Sql.TOUCH, at, chatId);
    }

    private static Chat toChat(ResultSet r) throws SQLException {
        return new Chat(
                r.getString(Sql.ID_AT),
                r.getString(Sql.REPLICA_AT),
                CodingAgent.valueOf(r.getString(Sql.PROVIDER_AT).toUpperCase(Locale.ROOT)),
                r.getString(Sql.TITLE_AT),
                r.getInt(Sql.DEFAULT_AT) == 1,
                r.getString(Sql.THREAD_AT),
                r.getString(Sql.CREATED_AT),
                r.getString(Sql.UPDATED_AT),
                r.getInt(Sql.PROCESSING_AT) == 1,
                r.getInt(Sql.QUEUED_AT));
    }

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    private static final class Sql {
        static final Field<Boolean> PROCESSING = DSL.field(DSL.exists(DSL.selectOne()
                        .from(MESSAGES)
                        .where(MESSAGES.CHAT_ID.eq(CHATS.ID).and(MESSAGES.STATE.eq(MessageState.PROCESSING.wire())))))
                .as("processing");
        static final Field<Integer> QUEUED = DSL.field(DSL.selectCount()
                        .from(MESSAGES)
                        .where(MESSAGES.CHAT_ID.eq(CHATS.ID).and(MESSAGES.STATE.eq(MessageState.QUEUED.wire()))))
                .as("queued_messages");

        /** Every tool call on a replica reads one of its chats: these are rendered once (see StaticQuery). */
        static final Field<String> REPLICA = StaticQuery.value("replica_id");

        static final Field<String> CHAT = StaticQuery.value("chat_id");
        static final Field<String> PROVIDER = StaticQuery.value("provider");
        static final StaticQuery FIND = first(CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.ID.eq(CHAT)), CHATS.ID.asc());
        static final StaticQuery FIND_BY_ID = first(CHATS.ID.eq(CHAT), CHATS.ID.asc());
        static final Condition DEFAULT_OF_REPLICA = CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.IS_DEFAULT.eq(1));
        static final StaticQuery DEFAULT = first(DEFAULT_OF_REPLICA, CHATS.CREATED_AT.asc());

        /** The queue's columns as constants (false, 0), in the places toChat reads them. */
        static final StaticQuery DEFAULT_WITHOUT_QUEUE = first(
                DEFAULT_OF_REPLICA,
                CHATS.CREATED_AT.asc(),
                DSL.inline(0).as(PROCESSING.getName()),
                DSL.inline(0).as(QUEUED.getName()));

        static final StaticQuery LATEST_FOR_PROVIDER =
                first(CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.PROVIDER.eq(PROVIDER)), CHATS.UPDATED_AT.desc());
        static final StaticQuery LIST = StaticQuery.of(() -> DSL.select(CHATS.fields())
                .select(PROCESSING, QUEUED)
                .from(CHATS)
                .where(CHATS.REPLICA_ID.eq(REPLICA))
                .orderBy(CHATS.CREATED_AT, CHATS.rowid()));

        /** Plain SQL (see {@link PlainSql}): every message sent makes it. */
        static final String TOUCH = PlainSql.update(CHATS, CHATS.ID, CHATS.UPDATED_AT);

        /*
         * Rows are read by position, straight from the result set: every chat query selects the table's columns
         * in order, then the two counts. Filling jOOQ's records field by field, with a conversion each, made a
         * chat read cost twice a replica read (profiled: ~100 µs of a send's ~540).
         */
        static final int ID_AT = StaticQuery.column(CHATS, CHATS.ID);
        static final int REPLICA_AT = StaticQuery.column(CHATS, CHATS.REPLICA_ID);
        static final int PROVIDER_AT = StaticQuery.column(CHATS, CHATS.PROVIDER);
        static final int TITLE_AT = StaticQuery.column(CHATS, CHATS.TITLE);
        static final int DEFAULT_AT = StaticQuery.column(CHATS, CHATS.IS_DEFAULT);
        static final int THREAD_AT = StaticQuery.column(CHATS, CHATS.THREAD_ID);
        static final int CREATED_AT = StaticQuery.column(CHATS, CHATS.CREATED_AT);
        static final int UPDATED_AT = StaticQuery.column(CHATS, CHATS.UPDATED_AT);
        static final int PROCESSING_AT = CHATS.fields().length + 1;
        static final int QUEUED_AT = CHATS.fields().length + 2;
    }
}
