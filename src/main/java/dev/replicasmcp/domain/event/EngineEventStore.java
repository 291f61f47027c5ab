package dev.replicasmcp.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The persisted engine-event log. */
public interface EngineEventStore {

    long append(String replicaId, String ts, String type, JsonNode payload);

    /** Events of the replica with id > afterId, oldest first, at most limit. */
    List<EngineEvent> after(String replicaId, long afterId, int limit);

    /** The id of the replica's newest event, 0 when it has none. */
    long latestId(String replicaId);
}
