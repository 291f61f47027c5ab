package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** How hard the agent thinks; ultra is Codex-only and ultracode Claude-only (spec §3.6). */
public enum ThinkingLevel implements WireName {
    LOW,
    MEDIUM,
    HIGH,
    MAX,
    XHIGH,
    ULTRA,
    ULTRACODE;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static ThinkingLevel parse(String field, String value) {
        return Validation.enumValue(field, value, ThinkingLevel.class);
    }
}
