package dev.replicasmcp.domain.hook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A script to run with bash. workspace is the folder it runs in (its home); null asks for a fresh,
 * isolated temporary folder that is removed afterwards. files are written there first.
 */
public record HookRequest(String script, Map<String, String> variables, List<WorkspaceFile> files, Path workspace,
                          Duration timeout) {

    /** A file to place in the workspace: path is relative to the workspace home (`~/`). */
    public record WorkspaceFile(String path, String content) {
    }
}
