package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.HISTORY_EVENTS;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.replicasmcp.api.RawJsonObject;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.HistoryStore;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
        // Under the database's lock throughout: nothing else appends between the count and the insert.
        return db.locked(() -> {
            long seq = count(chatId);
            db.update(Sql.APPEND, chatId, (int) seq, event.timestamp(), event.type(), Json.write(event.payload()));
            return seq;
        });
    }

    @Override
    public long count(String chatId) {
        List<Long> max = db.query(
                Sql.COUNT,
                row -> {
                    long seq = row.getLong(1);
                    return row.wasNull() ? -1 : seq;
                },
                chatId);
        return max.isEmpty() ? 0 : max.get(0) + 1;
    }

    @Override
    public List<HistoryEvent> window(String chatId, long fromSeq, long toSeq) {
        return db.query(
                Sql.WINDOW,
                row -> new HistoryEvent(row.getString(1), row.getString(2), storedEvent(row.getBytes(3))),
                chatId,
                fromSeq,
                toSeq);
    }

    /**
     * The event as stored: its timestamp and type read, its payload kept as the stored text ({@link
     * RawJsonObject}). A stored event of another shape than the one this store writes (a payload that is
     * not an object, a timestamp that is not text) is read whole, as before.
     */
    static AgentEvent storedEvent(byte[] utf8) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(utf8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return toAgentEvent(Json.readObject(utf8));
            }
            String timestamp = "";
            String type = "";
            Map<String, Object> payload = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean text = value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
                if (field.equals("payload") && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    payload = new RawJsonObject(Arrays.copyOfRange(utf8, start, end));
                } else if ((field.equals("timestamp") || field.equals("type")) && text) {
                    String read = value == JsonToken.VALUE_NULL ? "null" : parser.getText();
                    timestamp = field.equals("timestamp") ? read : timestamp;
                    type = field.equals("type") ? read : type;
                } else if (!(field.equals("payload") && value == JsonToken.VALUE_NULL)) {
                    return toAgentEvent(Json.readObject(utf8));
                }
            }
            return new AgentEvent(timestamp, type, payload);
        } catch (IOException e) {
            throw new IllegalStateException("A stored JSON column is corrupt: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static AgentEvent toAgentEvent(Map<String, Object> row) {
        return new AgentEvent(text(row, "timestamp"), text(row, "type"), (Map<String, Object>) row.get("payload"));
    }

    /** As the text of a JSON value was always read here: "" when missing, "null" for null. */
    private static String text(Map<String, Object> row, String field) {
        return row.containsKey(field) ? String.valueOf(row.get(field)) : "";
    }

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    private static final class Sql {
        /** Plain SQL (see {@link PlainSql}): every step of a turn appends one. */
        static final String APPEND = PlainSql.insert(
                HISTORY_EVENTS,
                HISTORY_EVENTS.CHAT_ID,
                HISTORY_EVENTS.SEQ,
                HISTORY_EVENTS.TIMESTAMP,
                HISTORY_EVENTS.TYPE,
                HISTORY_EVENTS.PAYLOAD_JSON);

        /** Plain SQL (see {@link PlainQueries}): every history read makes both. */
        static final String COUNT = PlainSql.select(
                "max(" + PlainSql.quoted(HISTORY_EVENTS.SEQ.getName()) + ")", HISTORY_EVENTS, HISTORY_EVENTS.CHAT_ID);

        static final String WINDOW = "SELECT " + HISTORY_EVENTS.TIMESTAMP.getName() + ", "
                + HISTORY_EVENTS.TYPE.getName() + ", " + HISTORY_EVENTS.PAYLOAD_JSON.getName() + " FROM "
                + HISTORY_EVENTS.getName() + " WHERE " + HISTORY_EVENTS.CHAT_ID.getName() + " = ? AND "
                + HISTORY_EVENTS.SEQ.getName() + " >= ? AND " + HISTORY_EVENTS.SEQ.getName() + " < ? ORDER BY "
                + HISTORY_EVENTS.SEQ.getName();
    }
}
