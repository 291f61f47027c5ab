package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, settles the executions a stopped server left open: each one pending, creating or running is
 * failed with the reason. Not resumed: the turn engine has already closed the interrupted first turn as not
 * complete, so there is no first turn left to wait for. Not counted by the circuit breaker (a restart is not
 * the automation's fault).
 */
public final class ExecutionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRecovery.class);

    private final AutomationStore store;
    private final Transactions tx;
    private final Clock clock;

    public ExecutionRecovery(AutomationStore store, Transactions tx, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    public int recover() {
        int settled = tx.inTransaction(() -> {
            List<Execution> open = store.executionsInStatus(
                    List.of(ExecutionStatus.PENDING, ExecutionStatus.CREATING, ExecutionStatus.RUNNING));
            String now = Timestamps.now(clock);
            for (Execution execution : open) {
                store.updateExecution(
                        execution.with(ExecutionStatus.FAILED, execution.workspaceId(), reason(execution), now));
            }
            return open.size();
        });
        if (settled > 0) {
            LOG.info("Failed {} automation execution(s) left open by the previous process", settled);
        }
        return settled;
    }

    private static String reason(Execution execution) {
        return switch (execution.status()) {
            case PENDING -> "The server restarted while the execution was pending, before its replica was created.";
            case CREATING ->
                "The server restarted while the execution's workspace was being created; the replica "
                        + execution.workspaceId() + " may be in status error. Trigger the automation again.";
            default ->
                "The server restarted while the agent's first turn was running; the turn was not "
                        + "completed. The replica " + execution.workspaceId() + " keeps what it did.";
        };
    }
}
