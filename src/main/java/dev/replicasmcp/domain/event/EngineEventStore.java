package dev.replicasmcp.domain.event;

import java.util.List;
import java.util.Map;

/** The persisted engine-event log. */
public interface EngineEventStore {

    /** Stores the event; the payload is JSON-shaped values (see {@link EngineEvent}). */
    long append(String replicaId, String ts, String type, Map<String, Object> payload);

    /** Events of the replica with id > afterId, oldest first, at most limit. */
    List<EngineEvent> after(String replicaId, long afterId, int limit);

    /** The id of the replica's newest event, 0 when it has none. */
    long latestId(String replicaId);
}
