package dev.replicasmcp.domain.event;

import java.util.Map;

/**
 * One event of a replica's engine (spec §6.1); ids are monotonic so a stream can resume after one. The
 * payload is the logged {@link EnginePayload#fields()} as JSON-shaped values (Map, List, String, Number,
 * Boolean, null), which is all its readers need: they relay it.
 */
public record EngineEvent(long id, String replicaId, String ts, String type, Map<String, Object> payload) {}
