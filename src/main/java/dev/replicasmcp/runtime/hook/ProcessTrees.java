package dev.replicasmcp.runtime.hook;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process and everything it started: its process group when it leads one, and its descendants. */
public final class ProcessTrees {

    private ProcessTrees() {}

    /**
     * The root goes first, so a script cannot run its next command once a child it waits on is killed;
     * its descendants are listed before that, while they can still be found under it. Only signals are
     * sent: Process.destroyForcibly() would also close the output pipe before the reader has drained it.
     */
    public static void kill(Process process) {
        long pid = process.pid();
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        try {
            // The group catches children that were re-parented away from the tree (daemonised or orphaned).
            Process killer = new ProcessBuilder("kill", "-KILL", "--", "-" + pid)
                    .redirectErrorStream(true)
                    .start();
            killer.getInputStream().readAllBytes();
            killer.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the descendants are destroyed below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
