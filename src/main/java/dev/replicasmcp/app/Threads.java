package dev.replicasmcp.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The thread pools the core owns: made by the wiring, shut down by the core. */
record Threads(ExecutorService turns, ScheduledExecutorService scheduler, ExecutorService background) {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    static Threads create() {
        return new Threads(
                Executors.newCachedThreadPool(daemon("turn")),
                Executors.newSingleThreadScheduledExecutor(daemon("lifecycle")),
                Executors.newFixedThreadPool(2, daemon("hooks")));
    }

    /**
     * Interrupts every pool and waits for all of them: a hook or provisioning task still running after
     * close would write into a workspace (or a database) that is being removed. An interrupted hook
     * kills its own process tree, so the wait is short.
     */
    void shutdown() {
        List<ExecutorService> all = List.of(scheduler, background, turns);
        all.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ExecutorService pool : all) {
            try {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("A background task did not stop within 10 s of shutdown");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
