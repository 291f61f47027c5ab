package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.WireName;

/** pending → creating → running → completed | failed (spec §7.3). */
public enum ExecutionStatus implements WireName {
    PENDING,
    CREATING,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }

    public static ExecutionStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
