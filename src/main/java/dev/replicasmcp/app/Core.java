package dev.replicasmcp.app;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.automation.CronScheduler;
import dev.replicasmcp.domain.oauth.OAuthService;
import dev.replicasmcp.domain.pool.PoolReconciler;
import dev.replicasmcp.domain.replica.LifecyclePolicies;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import dev.replicasmcp.storage.OpenWork;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running domain core on its SQLite database: {@link Wiring} builds it; this starts it, repairs
 * what a crash left open, schedules its background passes and closes it on shutdown.
 */
public final class Core implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    private final Wiring.Server server;

    private Core(Wiring.Server server) {
        this.server = server;
    }

    /** Opens (and migrates) the database, wires the services, then repairs what a crash left open. */
    public static Core start(Settings settings, Clock clock, Ids ids) {
        MarkedProcesses processes = Wiring.childProcesses(settings.dataDir());
        // What an earlier run of this data folder left running (it was killed) ends before any turn resumes.
        // The sweep reads every process on the machine: it runs beside the database's opening and the
        // wiring, which start no process, instead of before them.
        FutureTask<Integer> leftovers = new FutureTask<>(processes::killLeftovers);
        Thread sweep = new Thread(leftovers, "leftover-sweep");
        sweep.setDaemon(true);
        sweep.start();
        Core core = new Core(Wiring.server(settings, clock, ids, processes));
        swept(leftovers);
        core.recover();
        core.schedule();
        return core;
    }

    /** Waits for the leftover sweep; a sweep that failed is logged, as one that found nothing to end. */
    private static void swept(FutureTask<Integer> leftovers) {
        try {
            leftovers.get();
        } catch (ExecutionException e) {
            LOG.warn(
                    "Could not look for processes an earlier run left: {}",
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking for processes an earlier run left", e);
        }
    }

    private void recover() {
        if (!OpenWork.any(server.db())) {
            // Nothing to repair (nearly every start): the passes below would each read to find that out. The
            // pool's pass they would ask for comes with the first background passes (schedule).
            return;
        }
        server.engine().recover();
        server.lifecycle().recover(id -> server.provisioner().applied(id).isPresent());
        server.reconciler().recover();
        server.executions().recover();
    }

    /**
     * The first background passes run three seconds after the start, not at once: they are the first reads
     * through jOOQ, whose first use loads and links its classes (~0.4 s of CPU: Java 25's start-up archive
     * leaves them out, see scripts/cds-train, and JooqStart), and a client's first tool calls come right
     * after the start, on a machine that may have two cores. A slot the cron missed while the server was
     * down still fires at start-up, three seconds later.
     */
    private static final long FIRST_PASS_MS = 3_000;

    private static final long PASS_MS = 30_000;

    private void schedule() {
        ScheduledExecutorService scheduler = server.threads().scheduler();
        scheduler.scheduleWithFixedDelay(
                server.reconciler()::requestPass, FIRST_PASS_MS, PASS_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(server.policies()::pass, PASS_MS, PASS_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(server.cron()::pass, FIRST_PASS_MS, PASS_MS, TimeUnit.MILLISECONDS);
    }

    public Services services() {
        return server.services();
    }

    /** The one entry point of every operation, for both doors. */
    public Invoker invoker() {
        return server.invoker();
    }

    public ReplicaLifecycle lifecycle() {
        return server.lifecycle();
    }

    public PoolReconciler reconciler() {
        return server.reconciler();
    }

    /** Sleep after idle, archive after 7 days asleep, and the when-done policies; tests call pass() directly. */
    public LifecyclePolicies policies() {
        return server.policies();
    }

    /** Fires due cron automations every 30 s on the injected clock; tests call pass() after moving it. */
    public CronScheduler cron() {
        return server.cron();
    }

    /** The organization and user a local install acts as. */
    public LocalAccount account() {
        return server.account();
    }

    /** API keys: who an HTTP request (or REPLICAS_API_KEY) acts as. */
    public ApiKeyService keys() {
        return server.keys();
    }

    /** OAuth sign-in of remote MCP clients (HTTP mode). */
    public OAuthService oauth() {
        return server.oauth();
    }

    @Override
    public void close() {
        server.engine().stop();
        server.threads().shutdown();
        // What hooks and agents left running in the background (a dev server, a watcher) ends with the server.
        server.hooks().stopAll();
        server.db().close();
    }
}
