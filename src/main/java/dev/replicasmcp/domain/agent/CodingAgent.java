package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** The coding agents a chat can be bound to (spec §3.6). */
public enum CodingAgent implements WireName {
    CLAUDE, CODEX, CURSOR, OPENCODE, PI;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static CodingAgent parse(String field, String value) {
        return Validation.enumValue(field, value, CodingAgent.class);
    }
}
