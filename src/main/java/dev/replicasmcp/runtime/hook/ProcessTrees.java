package dev.replicasmcp.runtime.hook;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Kills a process and everything it started: its process group when it leads one, and its descendants. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    public static void kill(Process process) {
        long pid = process.pid();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            // The group catches children that were re-parented away from the tree (daemonised or orphaned).
            Process killer = new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true).start();
            killer.getInputStream().readAllBytes();
            killer.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the descendants were already destroyed above.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
