package dev.replicasmcp.domain.event;

import com.fasterxml.jackson.databind.JsonNode;

/** One event of a replica's engine (spec §6.1); ids are monotonic so a stream can resume after one. */
public record EngineEvent(long id, String replicaId, String ts, String type, JsonNode payload) {
}
