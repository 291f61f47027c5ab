package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.ENGINE_EVENTS;

import dev.replicasmcp.domain.event.EngineEvent;
import dev.replicasmcp.domain.event.EngineEventStore;
import java.util.List;
import java.util.Map;

/** The engine-event log; SQLite's AUTOINCREMENT gives ids that only ever grow. */
public final class SqlEngineEventStore implements EngineEventStore {

    private final Database db;

    public SqlEngineEventStore(Database db) {
        this.db = db;
    }

    @Override
    public long append(String replicaId, String ts, String type, Map<String, Object> payload) {
        return db.query(Sql.APPEND, row -> row.getLong(1), replicaId, ts, type, Json.write(payload))
                .get(0);
    }

    @Override
    public List<EngineEvent> after(String replicaId, long afterId, int limit) {
        return db.with(dsl -> dsl.selectFrom(ENGINE_EVENTS)
                .where(ENGINE_EVENTS.REPLICA_ID.eq(replicaId).and(ENGINE_EVENTS.ID.gt((int) afterId)))
                .orderBy(ENGINE_EVENTS.ID)
                .limit(limit)
                .fetch(r -> new EngineEvent(
                        r.getId(), r.getReplicaId(), r.getTs(), r.getType(), Json.readObject(r.getPayloadJson()))));
    }

    @Override
    public long latestId(String replicaId) {
        Integer max = db.with(dsl -> dsl.select(org.jooq.impl.DSL.max(ENGINE_EVENTS.ID))
                .from(ENGINE_EVENTS)
                .where(ENGINE_EVENTS.REPLICA_ID.eq(replicaId))
                .fetchOne(0, Integer.class));
        return max == null ? 0 : max;
    }

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    private static final class Sql {
        /** Plain SQL (see {@link PlainSql}): every message sent, and every step of a turn, appends one. */
        static final String APPEND = PlainSql.insert(
                        ENGINE_EVENTS,
                        ENGINE_EVENTS.REPLICA_ID,
                        ENGINE_EVENTS.TS,
                        ENGINE_EVENTS.TYPE,
                        ENGINE_EVENTS.PAYLOAD_JSON)
                + " RETURNING " + PlainSql.quoted(ENGINE_EVENTS.ID.getName());
    }
}
