package dev.replicasmcp.domain.workspace;

import dev.replicasmcp.domain.environment.MergedConfig;
import java.nio.file.Path;
import java.util.List;

/** Workspace folders on disk; only the runtime layer touches them. */
public interface Workspaces {

    Path createPool(String poolWorkspaceId);

    Path createReplica(String replicaId);

    /** Where the replica's workspace is (or would be), without creating it. */
    Path replicaHome(String replicaId);

    /** Moves a prepared pool folder to become the replica's workspace. */
    Path adopt(Path poolWorkspace, String replicaId);

    /** Removes the folder and everything in it, read-only parts included; a missing folder is fine. */
    void remove(Path workspace);

    /** Writes files, agent MCP configuration and skills into the workspace home. */
    Installed install(Path home, MergedConfig config);

    /** What install wrote: file paths, skill names and MCP server names. */
    record Installed(List<String> files, List<String> skills, List<String> mcps) {}
}
