package dev.replicasmcp.app;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryService;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.EnvironmentAccess;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.FileService;
import dev.replicasmcp.domain.environment.HookService;
import dev.replicasmcp.domain.environment.McpService;
import dev.replicasmcp.domain.environment.SkillService;
import dev.replicasmcp.domain.environment.VariableService;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.pool.PoolReconciler;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.EnvironmentResolver;
import dev.replicasmcp.domain.replica.LifecyclePolicies;
import dev.replicasmcp.domain.replica.Provisioner;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaRemoval;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import dev.replicasmcp.domain.repository.RepositoryService;
import dev.replicasmcp.runtime.agent.AgentRunners;
import dev.replicasmcp.runtime.agent.JsonValues;
import dev.replicasmcp.runtime.git.GitCheckouts;
import dev.replicasmcp.runtime.git.GitRepositoryInspector;
import dev.replicasmcp.runtime.hook.BashHookExecutor;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import dev.replicasmcp.runtime.process.ProcessMarker;
import dev.replicasmcp.runtime.skill.LocalSkillCatalog;
import dev.replicasmcp.runtime.workspace.RepositoryConfigFiles;
import dev.replicasmcp.runtime.workspace.WorkspaceFolders;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SqlAuditStore;
import dev.replicasmcp.storage.SqlAgentCredentialStore;
import dev.replicasmcp.storage.SecretCipher;
import dev.replicasmcp.storage.SecretKeys;
import dev.replicasmcp.storage.SqlApiKeyStore;
import dev.replicasmcp.storage.SqlEngineEventStore;
import dev.replicasmcp.storage.SqlEnvironmentConfigStore;
import dev.replicasmcp.storage.SqlEnvironmentStore;
import dev.replicasmcp.storage.SqlLocalAccountStore;
import dev.replicasmcp.storage.SqlRepositoryStore;
import dev.replicasmcp.storage.SqlWarmPoolStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The domain core wired by hand on its SQLite database: built once, closed on shutdown. */
public final class Core implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    private final Database db;
    private final Invoker invoker;
    private final Threads threads;
    private final Services services;
    private final TurnEngine engine;
    private final ReplicaLifecycle lifecycle;
    private final PoolReconciler reconciler;
    private final LifecyclePolicies policies;
    private final LocalAccount account;
    private final ApiKeyService keys;
    private final HookExecutor processes;

    /** The thread pools the core owns. */
    record Threads(ExecutorService turns, ScheduledExecutorService scheduler, ExecutorService background) {
        static Threads create() {
            return new Threads(Executors.newCachedThreadPool(daemon("turn")),
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
    }

    private Core(Database db, Threads threads, Services services, TurnEngine engine, ReplicaLifecycle lifecycle,
                 PoolReconciler reconciler, LifecyclePolicies policies, LocalAccount account, ApiKeyService keys,
                 HookExecutor processes) {
        this.db = db;
        this.threads = threads;
        this.services = services;
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.reconciler = reconciler;
        this.policies = policies;
        this.account = account;
        this.keys = keys;
        this.processes = processes;
        this.invoker = new Invoker(WireJson.mapper(), db, services.audit());
    }

    /** Opens (and migrates) the database, wires the services, then repairs what a crash left open. */
    public static Core start(Settings settings, Clock clock, Ids ids) {
        Database db = Database.open(settings.databaseFile());
        SecretCipher cipher = new SecretCipher(SecretKeys.load(settings.dataDir(),
                settings.secretKey() != null ? settings.secretKey() : System.getenv(SecretKeys.ENV)));
        // What an earlier run of this data folder left running (it was killed) ends before any turn resumes.
        MarkedProcesses marked = new MarkedProcesses(ProcessMarker.of(settings.dataDir()));
        marked.killLeftovers();
        Threads threads = Threads.create();
        Wiring w = new Wiring(db, clock, ids, threads, settings);
        EventLog events = new EventLog(new SqlEngineEventStore(db), clock);
        RepositoryService repositories = new RepositoryService(new SqlRepositoryStore(db),
                new GitRepositoryInspector(), db, clock, ids);
        EnvironmentService environments = new EnvironmentService(new SqlEnvironmentStore(db), repositories, db,
                clock, ids);
        SqlEnvironmentConfigStore config = new SqlEnvironmentConfigStore(db, cipher);
        EnvironmentAccess access = new EnvironmentAccess(environments, db, clock, ids);
        ConfigMerge merge = new ConfigMerge(config);
        AgentRunners runners = new AgentRunners(settings.agents(), settings.turnDelay(), clock, marked);
        runners.describe().forEach(line -> LOG.info("Agent {}", line));
        AgentService agents = new AgentService(runners, new SqlAgentCredentialStore(db, cipher), new JsonValues(), db,
                clock, ids);
        TurnEngine engine = w.turnEngine(events, runners, w.turnContexts(environments, merge, agents));
        ReplicaLifecycle lifecycle = w.lifecycle(events, engine);
        LocalSkillCatalog catalog = new LocalSkillCatalog(settings.dataDir());
        WorkspaceFolders workspaces = new WorkspaceFolders(settings.dataDir(), catalog);
        BashHookExecutor executor = new BashHookExecutor(marked);
        GitCheckouts checkouts = new GitCheckouts();
        WorkspaceRepositories clones = new WorkspaceRepositories(checkouts, new RepositoryConfigFiles(), executor);
        EnvironmentResolver resolver = new EnvironmentResolver(environments, repositories);
        SqlWarmPoolStore poolStore = new SqlWarmPoolStore(db);
        PoolReconciler reconciler = new PoolReconciler(poolStore, new PoolReconciler.Preparation(
                new SqlEnvironmentStore(db), environments, merge, executor, workspaces, settings.hookTimeout(),
                env -> resolver.repositoriesOf(new Caller(env.organizationId(), null), env), clones),
                db, clock, ids, threads.scheduler(), threads.background());
        WarmPoolService pool = new WarmPoolService(poolStore, access, reconciler, settings.warmPoolSize());
        environments.addListener(pool);
        ChatService chats = w.chats(lifecycle, engine, agents, events);
        MessageService messages = w.messages(chats, lifecycle, engine, events);
        HistoryService history = w.history(chats, lifecycle);
        Provisioner provisioner = w.provisioner(environments, merge, pool, workspaces, clones, executor);
        ReplicaRemoval removal = w.removal(engine, events, provisioner);
        ReplicaService replicas = w.replicas(resolver, chats, messages, lifecycle, provisioner, removal, checkouts,
                agents);
        LifecyclePolicies policies = w.policies(lifecycle, removal);
        engine.afterEachTurn(policies::turnFinished);
        LocalAccount account = LocalAccount.ensure(new SqlLocalAccountStore(db), db, clock, ids);
        engine.recover();
        lifecycle.recover(id -> provisioner.applied(id).isPresent());
        reconciler.recover();
        threads.scheduler().scheduleWithFixedDelay(reconciler::requestPass, 30, 30, TimeUnit.SECONDS);
        threads.scheduler().scheduleWithFixedDelay(policies::pass, 30, 30, TimeUnit.SECONDS);
        Services services = new Services(repositories, environments, replicas, chats, messages, history,
                w.events(lifecycle, events), new Services.EnvironmentContents(new VariableService(config, access), new FileService(config, access),
                        new McpService(config, access), new SkillService(config, access, catalog),
                        new HookService(config, access, environments, merge, executor, settings.hookTimeout(),
                                Settings.MAX_HOOK_TIMEOUT), pool),
                agents, new AuditLog(new SqlAuditStore(db), clock, ids), account.caller());
        ApiKeyService keys = new ApiKeyService(new SqlApiKeyStore(db), clock, ids);
        return new Core(db, threads, services, engine, lifecycle, reconciler, policies, account, keys, executor);
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public Services services() {
        return services;
    }

    /** The one entry point of every operation, for both doors. */
    public Invoker invoker() {
        return invoker;
    }

    public ReplicaLifecycle lifecycle() {
        return lifecycle;
    }

    public PoolReconciler reconciler() {
        return reconciler;
    }

    /** Sleep after idle, archive after 7 days asleep, and the when-done policies; tests call pass() directly. */
    public LifecyclePolicies policies() {
        return policies;
    }

    /** The organization and user a local install acts as. */
    public LocalAccount account() {
        return account;
    }

    /** API keys: who an HTTP request (or REPLICAS_API_KEY) acts as. */
    public ApiKeyService keys() {
        return keys;
    }

    @Override
    public void close() {
        engine.stop();
        threads.shutdown();
        // What hooks and agents left running in the background (a dev server, a watcher) ends with the server.
        processes.stopAll();
        db.close();
    }
}
