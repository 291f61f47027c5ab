package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** The five statuses a replica reports (spec §3.1); waking and deleted are not statuses. */
public enum ReplicaStatus implements WireName {
    PREPARING,
    ACTIVE,
    SLEEPING,
    ARCHIVED,
    ERROR;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static ReplicaStatus parse(String field, String value) {
        return Validation.enumValue(field, value, ReplicaStatus.class);
    }
}
