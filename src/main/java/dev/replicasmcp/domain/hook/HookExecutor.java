package dev.replicasmcp.domain.hook;

/** Runs hook scripts as real processes; the runtime layer implements it. */
public interface HookExecutor {

    /** Blocks until the script ends or times out; a timed-out script's whole process tree is killed. */
    HookRun run(HookRequest request, HookProgress progress);
}
