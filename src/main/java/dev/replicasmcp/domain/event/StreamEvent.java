package dev.replicasmcp.domain.event;

import java.util.Map;

/**
 * One event of a replica's stream: a persisted engine event, or a snapshot made for a new subscriber.
 * cursor is the log position a client resumes after (Last-Event-ID); a snapshot carries the position
 * it was taken at, so resuming from it misses nothing and repeats nothing.
 */
public record StreamEvent(String id, long cursor, String ts, String type, Map<String, Object> payload) {

    public static StreamEvent of(EngineEvent event) {
        return new StreamEvent(Long.toString(event.id()), event.id(), event.ts(), event.type(), event.payload());
    }
}
