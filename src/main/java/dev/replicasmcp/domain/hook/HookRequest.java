package dev.replicasmcp.domain.hook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A script to run with bash. workspace is the workspace home (HOME); null asks for a fresh, isolated
 * temporary folder that is removed afterwards. files are written there first. directory is where the
 * script runs when it is not the home itself (a repository folder inside it). replicaId, when the hook runs
 * for a replica, is handed to the process as a marker (so what it leaves behind can be found and ended).
 */
public record HookRequest(
        String script,
        Map<String, String> variables,
        List<WorkspaceFile> files,
        Path workspace,
        Duration timeout,
        Path directory,
        String replicaId) {

    public HookRequest(
            String script,
            Map<String, String> variables,
            List<WorkspaceFile> files,
            Path workspace,
            Duration timeout,
            Path directory) {
        this(script, variables, files, workspace, timeout, directory, null);
    }

    /** Runs in the workspace home itself. */
    public HookRequest(
            String script, Map<String, String> variables, List<WorkspaceFile> files, Path workspace, Duration timeout) {
        this(script, variables, files, workspace, timeout, null, null);
    }

    /** The same request, run for that replica. */
    public HookRequest forReplica(String id) {
        return new HookRequest(script, variables, files, workspace, timeout, directory, id);
    }

    /** A file to place in the workspace: path is relative to the workspace home (`~/`). */
    public record WorkspaceFile(String path, String content) {}
}
