package dev.replicasmcp.domain.hook;

import java.nio.file.Path;

/** Runs hook scripts as real processes; the runtime layer implements it. */
public interface HookExecutor {

    /** Blocks until the script ends or times out; a timed-out script's whole process tree is killed. */
    HookRun run(HookRequest request, HookProgress progress);

    /**
     * Kills every process a hook started in this workspace (running scripts and what they left running in
     * the background), before the workspace folder is removed.
     */
    void stopWithin(Path workspace);

    /** Kills every process a hook started in any workspace: the server is shutting down. */
    void stopAll();
}
