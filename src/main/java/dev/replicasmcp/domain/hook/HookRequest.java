package dev.replicasmcp.domain.hook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A script to run with bash. workspace is the workspace home (HOME); null asks for a fresh, isolated
 * temporary folder that is removed afterwards. files are written there first. directory is where the
 * script runs when it is not the home itself (a repository folder inside it).
 */
public record HookRequest(String script, Map<String, String> variables, List<WorkspaceFile> files, Path workspace,
                          Duration timeout, Path directory) {

    /** Runs in the workspace home itself. */
    public HookRequest(String script, Map<String, String> variables, List<WorkspaceFile> files, Path workspace,
                       Duration timeout) {
        this(script, variables, files, workspace, timeout, null);
    }

    /** A file to place in the workspace: path is relative to the workspace home (`~/`). */
    public record WorkspaceFile(String path, String content) {
    }
}
