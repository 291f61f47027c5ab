package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.HOOK_LOGS;

import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.hook.WarmHookLog;
import dev.replicasmcp.storage.jooq.tables.records.HookLogsRecord;
import java.util.List;

/** Hook runs, kept in execution order per replica. */
public final class SqlHookLogStore implements HookLogStore {

    private static final String WARM = "warm";
    private static final String START = "start";

    private final Database db;

    public SqlHookLogStore(Database db) {
        this.db = db;
    }

    @Override
    public void appendWarm(String replicaId, WarmHookLog log) {
        db.run(dsl -> {
            HookLogsRecord row = dsl.newRecord(HOOK_LOGS);
            row.setReplicaId(replicaId);
            row.setPhase(WARM);
            row.setHookType(log.hookType());
            row.setHookName(log.hookName());
            row.setScript(log.hookScript());
            fill(
                    row,
                    log.output(),
                    log.outputTruncated(),
                    log.outputTotalChars(),
                    log.exitCode(),
                    log.timedOut(),
                    log.executedAt());
            row.store();
        });
    }

    @Override
    public void appendStart(String replicaId, StartHookLog log) {
        db.run(dsl -> {
            HookLogsRecord row = dsl.newRecord(HOOK_LOGS);
            row.setReplicaId(replicaId);
            row.setPhase(START);
            row.setHookType(log.hookType());
            row.setHookName(log.hookName());
            row.setCommandsJson(Json.write(log.hookCommands()));
            fill(
                    row,
                    log.output(),
                    log.outputTruncated(),
                    log.outputTotalChars(),
                    log.exitCode(),
                    log.timedOut(),
                    log.executedAt());
            row.store();
        });
    }

    private static void fill(
            HookLogsRecord row,
            String output,
            boolean truncated,
            int totalChars,
            int exitCode,
            boolean timedOut,
            String executedAt) {
        row.setOutput(output);
        row.setOutputTruncated(truncated ? 1 : 0);
        row.setOutputTotalChars(totalChars);
        row.setExitCode(exitCode);
        row.setTimedOut(timedOut ? 1 : 0);
        row.setExecutedAt(executedAt);
    }

    @Override
    public HookLogs forReplica(String replicaId) {
        List<HookLogsRecord> rows = db.with(dsl -> dsl.selectFrom(HOOK_LOGS)
                .where(HOOK_LOGS.REPLICA_ID.eq(replicaId))
                .orderBy(HOOK_LOGS.ID)
                .fetch());
        List<WarmHookLog> warm = rows.stream()
                .filter(r -> WARM.equals(r.getPhase()))
                .map(r -> new WarmHookLog(
                        r.getHookType(),
                        r.getHookName(),
                        r.getScript(),
                        r.getOutput(),
                        r.getOutputTruncated() == 1,
                        r.getOutputTotalChars(),
                        r.getExitCode(),
                        r.getTimedOut() == 1,
                        r.getExecutedAt()))
                .toList();
        List<StartHookLog> start = rows.stream()
                .filter(r -> START.equals(r.getPhase()))
                .map(r -> new StartHookLog(
                        r.getHookType(),
                        r.getHookName(),
                        r.getHookName(),
                        List.of(Json.read(r.getCommandsJson(), String[].class)),
                        r.getOutput(),
                        r.getOutputTruncated() == 1,
                        r.getOutputTotalChars(),
                        r.getExitCode(),
                        r.getTimedOut() == 1,
                        r.getExecutedAt()))
                .toList();
        return new HookLogs(warm, start);
    }
}
