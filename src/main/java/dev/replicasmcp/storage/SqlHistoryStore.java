package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.HISTORY_EVENTS;

import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.HistoryStore;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * History events keyed by (chat_id, seq) in a WITHOUT ROWID table: a window from the end is one
 * range scan of the primary key, and the count is the next seq.
 */
public final class SqlHistoryStore implements HistoryStore {

    private final Database db;

    public SqlHistoryStore(Database db) {
        this.db = db;
    }

    @Override
    public long append(String chatId, HistoryEvent event) {
        return db.with(dsl -> {
            long seq = count(chatId);
            dsl.insertInto(HISTORY_EVENTS)
                    .set(HISTORY_EVENTS.CHAT_ID, chatId)
                    .set(HISTORY_EVENTS.SEQ, (int) seq)
                    .set(HISTORY_EVENTS.TIMESTAMP, event.timestamp())
                    .set(HISTORY_EVENTS.TYPE, event.type())
                    .set(HISTORY_EVENTS.PAYLOAD_JSON, Json.write(event.payload()))
                    .execute();
            return seq;
        });
    }

    @Override
    public long count(String chatId) {
        Integer max = db.with(dsl -> dsl.select(DSL.max(HISTORY_EVENTS.SEQ))
                .from(HISTORY_EVENTS)
                .where(HISTORY_EVENTS.CHAT_ID.eq(chatId))
                .fetchOne(0, Integer.class));
        return max == null ? 0 : max + 1L;
    }

    @Override
    public List<HistoryEvent> window(String chatId, long fromSeq, long toSeq) {
        return db.with(dsl -> dsl.select(HISTORY_EVENTS.TIMESTAMP, HISTORY_EVENTS.TYPE, HISTORY_EVENTS.PAYLOAD_JSON)
                .from(HISTORY_EVENTS)
                .where(HISTORY_EVENTS
                        .CHAT_ID
                        .eq(chatId)
                        .and(HISTORY_EVENTS.SEQ.ge((int) fromSeq))
                        .and(HISTORY_EVENTS.SEQ.lt((int) toSeq)))
                .orderBy(HISTORY_EVENTS.SEQ)
                .fetch(r -> new HistoryEvent(r.value1(), r.value2(), toAgentEvent(Json.readObject(r.value3())))));
    }

    @SuppressWarnings("unchecked")
    private static AgentEvent toAgentEvent(Map<String, Object> row) {
        return new AgentEvent(text(row, "timestamp"), text(row, "type"), (Map<String, Object>) row.get("payload"));
    }

    /** As the text of a JSON value was always read here: "" when missing, "null" for null. */
    private static String text(Map<String, Object> row, String field) {
        return row.containsKey(field) ? String.valueOf(row.get(field)) : "";
    }
}
