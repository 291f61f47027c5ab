package dev.replicasmcp.storage;

import dev.replicasmcp.domain.automation.ExecutionStatus;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.replica.ReplicaStatus;

/**
 * Whether a stopped process left work open for the start's recovery passes to finish: a turn that was
 * running or messages waiting for one, a replica being prepared, a pool workspace warming, an automation
 * execution not finished (what TurnEngine, ReplicaLifecycle, PoolReconciler and ExecutionRecovery each look
 * for). One read in plain SQL: nearly every start finds nothing, and then it needs no jOOQ before its
 * first tool call ({@link JooqStart}).
 */
public final class OpenWork {

    private static final String ANY = "SELECT EXISTS (SELECT 1 FROM messages WHERE state IN (?, ?))"
            + " OR EXISTS (SELECT 1 FROM replicas WHERE status = ? AND deleted_at IS NULL)"
            + " OR EXISTS (SELECT 1 FROM warm_pool_workspaces WHERE status = ?)"
            + " OR EXISTS (SELECT 1 FROM automation_executions WHERE status IN (?, ?, ?))";

    private OpenWork() {}

    public static boolean any(Database db) {
        return db.count(
                        ANY,
                        MessageState.PROCESSING.wire(),
                        MessageState.QUEUED.wire(),
                        ReplicaStatus.PREPARING.wire(),
                        PoolStatus.WARMING.wire(),
                        ExecutionStatus.PENDING.wire(),
                        ExecutionStatus.CREATING.wire(),
                        ExecutionStatus.RUNNING.wire())
                == 1;
    }
}
