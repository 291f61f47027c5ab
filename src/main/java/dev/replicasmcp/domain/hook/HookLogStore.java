package dev.replicasmcp.domain.hook;

/** Persisted hook logs, written when a hook runs so they can be read while the replica sleeps. */
public interface HookLogStore {

    void appendWarm(String replicaId, WarmHookLog log);

    void appendStart(String replicaId, StartHookLog log);

    HookLogs forReplica(String replicaId);
}
