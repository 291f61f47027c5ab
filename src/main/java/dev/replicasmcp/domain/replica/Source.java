package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** How a replica was created. */
public enum Source implements WireName {
    API,
    DASHBOARD,
    SLACK,
    LINEAR,
    GITHUB,
    GITLAB,
    AUTOMATION;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static Source parse(String field, String value) {
        return Validation.enumValue(field, value, Source.class);
    }
}
