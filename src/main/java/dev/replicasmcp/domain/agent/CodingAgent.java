package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/**
 * The coding agents a chat can be bound to (spec §3.6), plus scripted: the built-in offline agent. A
 * chat's provider is always the agent that answers it, so scripted answers are never shown as Claude's.
 */
public enum CodingAgent implements WireName {
    CLAUDE,
    CODEX,
    CURSOR,
    OPENCODE,
    PI,
    SCRIPTED;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static CodingAgent parse(String field, String value) {
        return Validation.enumValue(field, value, CodingAgent.class);
    }
}
