package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.CHATS;
import static dev.replicasmcp.storage.jooq.Tables.MESSAGES;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.MessageState;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Every tool call on a replica reads one of its chats: these are rendered once (see StaticQuery). */
    private static final Field<String> REPLICA = StaticQuery.value("replica_id");

    private static final Field<String> CHAT = StaticQuery.value("chat_id");
    private static final Field<String> PROVIDER = StaticQuery.value("provider");
    private static final StaticQuery FIND = first(CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.ID.eq(CHAT)), CHATS.ID.asc());
    private static final StaticQuery FIND_BY_ID = first(CHATS.ID.eq(CHAT), CHATS.ID.asc());
    private static final StaticQuery DEFAULT =
            first(CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.IS_DEFAULT.eq(1)), CHATS.CREATED_AT.asc());
    private static final StaticQuery LATEST_FOR_PROVIDER =
            first(CHATS.REPLICA_ID.eq(REPLICA).and(CHATS.PROVIDER.eq(PROVIDER)), CHATS.UPDATED_AT.desc());
    private static final StaticQuery LIST = StaticQuery.of(() -> DSL.select(CHATS.fields())
            .select(PROCESSING, QUEUED)
            .from(CHATS)
            .where(CHATS.REPLICA_ID.eq(REPLICA))
            .orderBy(CHATS.CREATED_AT, CHATS.rowid()));

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
        return one(FIND, Map.of("replica_id", replicaId, "chat_id", chatId));
    }

    @Override
    public Optional<Chat> findById(String chatId) {
        return one(FIND_BY_ID, Map.of("chat_id", chatId));
    }

    @Override
    public List<Chat> list(String replicaId) {
        return LIST.fetch(db, Map.of("replica_id", replicaId)).stream()
                .map(SqlChatStore::toChat)
                .toList();
    }

    @Override
    public Optional<Chat> defaultChat(String replicaId) {
        return one(DEFAULT, Map.of("replica_id", replicaId));
    }

    @Override
    public Optional<Chat> latestForProvider(String replicaId, CodingAgent provider) {
        return one(LATEST_FOR_PROVIDER, Map.of("replica_id", replicaId, "provider", provider.wire()));
    }

    private static StaticQuery first(Condition condition, SortField<?> order) {
        return StaticQuery.of(() -> DSL.select(CHATS.fields())
                .select(PROCESSING, QUEUED)
                .from(CHATS)
                .where(condition)
                .orderBy(order)
                .limit(1));
    }

    private Optional<Chat> one(StaticQuery query, Map<String, ?> values) {
        return query.fetch(db, values).stream().findFirst().map(SqlChatStore::toChat);
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
        db.update(TOUCH, at, chatId);
    }

    /** Plain SQL (see {@link PlainSql}): every message sent makes it. */
    private static final String TOUCH = PlainSql.update(CHATS, CHATS.ID, CHATS.UPDATED_AT);

    private static Chat toChat(Record r) {
        return new Chat(
                column(r, CHATS.ID),
                column(r, CHATS.REPLICA_ID),
                CodingAgent.valueOf(column(r, CHATS.PROVIDER).toUpperCase(Locale.ROOT)),
                column(r, CHATS.TITLE),
                column(r, CHATS.IS_DEFAULT) == 1,
                column(r, CHATS.THREAD_ID),
                column(r, CHATS.CREATED_AT),
                column(r, CHATS.UPDATED_AT),
                Boolean.TRUE.equals(column(r, PROCESSING)),
                column(r, QUEUED));
    }

    /**
     * Where each column is in the rows every chat query reads: the table's columns in order, then the two
     * counts. Reading by position spares jOOQ's search of the record's fields at each get, which a profile
     * of sends showed to be a tenth of their CPU.
     */
    private static final Map<Field<?>, Integer> POSITIONS = positions();

    private static Map<Field<?>, Integer> positions() {
        Map<Field<?>, Integer> positions = new IdentityHashMap<>();
        Field<?>[] columns = CHATS.fields();
        for (int i = 0; i < columns.length; i++) {
            positions.put(columns[i], i);
        }
        positions.put(PROCESSING, columns.length);
        positions.put(QUEUED, columns.length + 1);
        return positions;
    }

    /**
     * By position when the row has a field of this name there (every chat query's does: the query's own
     * copies of the fields, so not the same objects), else by jOOQ's search.
     */
    private static <T> T column(Record r, Field<T> field) {
        Integer at = POSITIONS.get(field);
        return at != null && at < r.size() && r.field(at).getName().equals(field.getName())
                ? field.getType().cast(r.get(at))
                : r.get(field);
    }
}
