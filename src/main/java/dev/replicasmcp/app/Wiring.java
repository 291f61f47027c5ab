package dev.replicasmcp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.RunnerChoice;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.automation.CronScheduler;
import dev.replicasmcp.domain.automation.ExecutionRecovery;
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
import dev.replicasmcp.domain.oauth.OAuthService;
import dev.replicasmcp.domain.pool.PoolReconciler;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.EnvironmentResolver;
import dev.replicasmcp.domain.replica.LifecyclePolicies;
import dev.replicasmcp.domain.replica.Provisioner;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaRemoval;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.repository.RepositoryService;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import dev.replicasmcp.mcp.ToolCatalog;
import dev.replicasmcp.mcp.ToolInvoker;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.runtime.agent.AgentConfig;
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
import dev.replicasmcp.storage.SecretCipher;
import dev.replicasmcp.storage.SecretKeys;
import dev.replicasmcp.storage.SqlAgentCredentialStore;
import dev.replicasmcp.storage.SqlApiKeyStore;
import dev.replicasmcp.storage.SqlAuditStore;
import dev.replicasmcp.storage.SqlEngineEventStore;
import dev.replicasmcp.storage.SqlEnvironmentConfigStore;
import dev.replicasmcp.storage.SqlEnvironmentStore;
import dev.replicasmcp.storage.SqlLocalAccountStore;
import dev.replicasmcp.storage.SqlOAuthStore;
import dev.replicasmcp.storage.SqlRepositoryStore;
import dev.replicasmcp.storage.SqlWarmPoolStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every object the server runs with is made here, and only here (an ArchUnit rule holds it): stores,
 * domain services, runtime adapters, the operation invoker and the MCP door's adapter. The replica and
 * conversation layer is in {@link ReplicaWiring}. {@link Core} only starts, recovers, schedules and closes
 * what this builds; Main, HttpApp and the keys command take what they need from here.
 */
final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Core.class);

    private Wiring() {}

    /** What the core runs and closes; everything else hangs off these. */
    record Server(
            Database db,
            Threads threads,
            HookExecutor hooks,
            Services services,
            Invoker invoker,
            TurnEngine engine,
            ReplicaLifecycle lifecycle,
            Provisioner provisioner,
            PoolReconciler reconciler,
            LifecyclePolicies policies,
            CronScheduler cron,
            ExecutionRecovery executions,
            LocalAccount account,
            ApiKeyService keys,
            OAuthService oauth) {}

    /** The API keys of a data folder, on a connection of its own: all the keys command needs. */
    record KeyAccess(Database db, ApiKeyService keys, LocalAccount account, AuditLog audit, OAuthService oauth)
            implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    /** The processes hooks and agents start for this data folder, marked so that a later run can end them. */
    static MarkedProcesses childProcesses(Path dataDir) {
        return new MarkedProcesses(ProcessMarker.of(dataDir));
    }

    /**
     * Opens (and migrates) the database and builds the whole server on it. Nothing runs yet: the core
     * recovers and schedules once this returns. processes: see {@link #childProcesses}.
     */
    static Server server(Settings settings, Clock clock, Ids ids, MarkedProcesses processes) {
        Database db = Database.open(settings.databaseFile());
        SecretCipher cipher = new SecretCipher(SecretKeys.load(
                settings.dataDir(),
                settings.secretKey() != null ? settings.secretKey() : System.getenv(SecretKeys.ENV)));
        Threads threads = Threads.create();
        ReplicaWiring w = new ReplicaWiring(db, clock, ids, threads, settings);
        EventLog events = new EventLog(new SqlEngineEventStore(db), clock);
        RepositoryService repositories =
                new RepositoryService(new SqlRepositoryStore(db), new GitRepositoryInspector(), db, clock, ids);
        EnvironmentService environments =
                new EnvironmentService(new SqlEnvironmentStore(db), repositories, db, clock, ids);
        SqlEnvironmentConfigStore config = new SqlEnvironmentConfigStore(db, cipher);
        EnvironmentAccess access = new EnvironmentAccess(environments, db, clock, ids);
        ConfigMerge merge = new ConfigMerge(config);
        AgentRunners runners = new AgentRunners(settings.agents(), settings.turnDelay(), clock, processes);
        runners.describe().forEach(line -> LOG.info("Agent {}", line));
        AgentService agents =
                new AgentService(runners, new SqlAgentCredentialStore(db, cipher), new JsonValues(), db, clock, ids);
        TurnEngine engine = w.turnEngine(events, runners, w.turnContexts(environments, merge, agents));
        ReplicaLifecycle lifecycle = w.lifecycle(events, engine);
        LocalSkillCatalog catalog = new LocalSkillCatalog(settings.dataDir());
        WorkspaceFolders workspaces = new WorkspaceFolders(settings.dataDir(), catalog);
        BashHookExecutor executor = new BashHookExecutor(processes);
        GitCheckouts checkouts = new GitCheckouts();
        WorkspaceRepositories clones = new WorkspaceRepositories(checkouts, new RepositoryConfigFiles(), executor);
        EnvironmentResolver resolver = new EnvironmentResolver(environments, repositories);
        SqlWarmPoolStore poolStore = new SqlWarmPoolStore(db);
        PoolReconciler reconciler = new PoolReconciler(
                poolStore,
                new PoolReconciler.Preparation(
                        new SqlEnvironmentStore(db),
                        environments,
                        merge,
                        executor,
                        workspaces,
                        settings.hookTimeout(),
                        env -> resolver.repositoriesOf(new Caller(env.organizationId(), null), env),
                        clones),
                db,
                clock,
                ids,
                threads.scheduler(),
                threads.background());
        WarmPoolService pool = new WarmPoolService(poolStore, access, reconciler, settings.warmPoolSize());
        environments.addListener(pool);
        ChatService chats = w.chats(lifecycle, engine, agents, events);
        MessageService messages = w.messages(chats, lifecycle, engine, events);
        HistoryService history = w.history(chats, lifecycle);
        Provisioner provisioner = w.provisioner(environments, merge, pool, workspaces, clones, executor);
        ReplicaRemoval removal = w.removal(engine, events, provisioner);
        ReplicaService replicas =
                w.replicas(resolver, chats, messages, lifecycle, provisioner, removal, checkouts, agents);
        LifecyclePolicies policies = w.policies(lifecycle, removal);
        engine.afterEachTurn(policies::turnFinished);
        KeyAccess keys = keys(db, clock, ids);
        AutomationWiring.Automations automations = AutomationWiring.build(
                new AutomationWiring.Core(
                        environments,
                        repositories,
                        replicas,
                        messages,
                        events,
                        keys.audit(),
                        keys.account()::organizationId),
                db,
                cipher,
                settings,
                threads,
                clock,
                ids);
        Services services = new Services(
                repositories,
                environments,
                replicas,
                chats,
                messages,
                history,
                w.events(lifecycle, events),
                new Services.EnvironmentContents(
                        new VariableService(config, access),
                        new FileService(config, access),
                        new McpService(config, access),
                        new SkillService(config, access, catalog),
                        new HookService(
                                config,
                                access,
                                environments,
                                merge,
                                executor,
                                settings.hookTimeout(),
                                Settings.MAX_HOOK_TIMEOUT),
                        pool),
                agents,
                keys.audit(),
                automations.service(),
                automations.integrations(),
                automations.receiver(),
                keys.account().caller(),
                automations.runs());
        return new Server(
                db,
                threads,
                executor,
                services,
                new Invoker(WireJson.shared(), db, services.audit()),
                engine,
                lifecycle,
                provisioner,
                reconciler,
                policies,
                automations.cron(),
                automations.recovery(),
                keys.account(),
                keys.keys(),
                keys.oauth());
    }

    /**
     * The keys, the local account (made on first use) and the audit log of a database. The keys command
     * opens only this, so that it works beside a running server.
     */
    static KeyAccess keys(Database db, Clock clock, Ids ids) {
        LocalAccount account = LocalAccount.ensure(new SqlLocalAccountStore(db), db, clock, ids);
        return new KeyAccess(
                db,
                new ApiKeyService(new SqlApiKeyStore(db), clock, ids),
                account,
                new AuditLog(new SqlAuditStore(db), clock, ids),
                new OAuthService(new SqlOAuthStore(db), clock, ids, OAuthService.Lifetimes.DEFAULT));
    }

    /** The tool catalogue the flags ask for; an unknown toolset is an IllegalArgumentException naming it. */
    static ToolCatalog catalog(Set<String> toolsets, boolean readOnly) {
        return ToolCatalog.standard().select(toolsets, readOnly);
    }

    /**
     * The MCP door's adapter over the core's invoker. core may block until the core has started (stdio
     * opens it during the handshake); caller: who a call acts as, given the services (null: the caller
     * the HTTP request's key authenticated).
     */
    static ToolInvoker tools(ObjectMapper toolMapper, Supplier<Core> core, Function<Services, Caller> caller) {
        return new ToolInvoker(toolMapper, () -> core.get().invoker(), () -> {
            Services services = core.get().services();
            return new OperationContext(services, caller.apply(services));
        });
    }

    /** Whether an agent can run with these settings, without starting a server: for --default-agent. */
    static RunnerChoice agentChoice(AgentConfig agents, CodingAgent agent) {
        return new AgentRunners(agents, Duration.ZERO, Clock.systemUTC()).choice(agent);
    }
}
