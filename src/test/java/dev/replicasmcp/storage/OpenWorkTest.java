package dev.replicasmcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.WireName;
import dev.replicasmcp.domain.automation.ExecutionStatus;
import dev.replicasmcp.domain.chat.MessageState;
import dev.replicasmcp.domain.pool.PoolStatus;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start's check for work a stopped process left open, against a real migrated database: for every
 * state of each table, a row in that state is open work exactly when a recovery pass would act on it.
 * Rows are written in plain SQL with foreign keys off: the check reads each table on its own.
 */
class OpenWorkTest {

    static final String T = "2026-11-28T10:00:00.000Z";

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("replicas.db"));
        db.update("PRAGMA foreign_keys = OFF");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEmptyDatabaseHasNoOpenWork() {
        assertThat(OpenWork.any(db)).isFalse();
    }

    @Test
    void messagesTurnRunningOrWaitingAreOpenWork() {
        // TurnEngine.recover closes processing turns; ReplicaLifecycle.recover dispatches queued messages.
        for (MessageState state : MessageState.values()) {
            db.update(
                    "INSERT INTO messages (id, chat_id, replica_id, text, state, queue_seq, queued_at)"
                            + " VALUES ('m-1', 'c-1', 'x-1', 'hi', ?, 1, ?)",
                    state.wire(),
                    T);
            assertThat(OpenWork.any(db))
                    .as(state.wire())
                    .isEqualTo(
                            Set.of(MessageState.QUEUED, MessageState.PROCESSING).contains(state));
            db.update("DELETE FROM messages");
        }
    }

    @Test
    void aReplicaBeingPreparedIsOpenWorkUnlessDeleted() {
        for (ReplicaStatus status : ReplicaStatus.values()) {
            insertReplica(status, null);
            assertThat(OpenWork.any(db)).as(status.wire()).isEqualTo(status == ReplicaStatus.PREPARING);
            db.update("DELETE FROM replicas");
        }
        insertReplica(ReplicaStatus.PREPARING, T);
        assertThat(OpenWork.any(db)).as("deleted while preparing").isFalse();
    }

    @Test
    void aPoolWorkspaceWarmingIsOpenWork() {
        for (PoolStatus status : PoolStatus.values()) {
            db.update(
                    "INSERT INTO warm_pool_workspaces (id, organization_id, warm_pool_config_id, sandbox_id, status,"
                            + " generation, path, created_at, updated_at)"
                            + " VALUES ('w-1', 'org-1', 'p-1', 's-1', ?, 1, '', ?, ?)",
                    status.wire(),
                    T,
                    T);
            assertThat(OpenWork.any(db)).as(status.wire()).isEqualTo(status == PoolStatus.WARMING);
            db.update("DELETE FROM warm_pool_workspaces");
        }
    }

    @Test
    void anAutomationExecutionNotFinishedIsOpenWork() {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            db.update(
                    "INSERT INTO automation_executions (id, automation_id, organization_id, triggered_at,"
                            + " trigger_payload_json, status) VALUES ('e-1', 'a-1', 'org-1', ?, '{}', ?)",
                    T,
                    status.wire());
            assertThat(OpenWork.any(db)).as(status.wire()).isEqualTo(!status.terminal());
            db.update("DELETE FROM automation_executions");
        }
    }

    private void insertReplica(WireName status, String deletedAt) {
        db.update(
                "INSERT INTO replicas (id, organization_id, name, status, source, environment_id, lifecycle_policy,"
                        + " created_at, deleted_at) VALUES ('x-1', 'org-1', 'x', ?, 'mcp', 'e-1', 'default', ?, ?)",
                status.wire(),
                T,
                deletedAt);
    }
}
