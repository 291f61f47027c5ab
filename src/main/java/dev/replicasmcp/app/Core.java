package dev.replicasmcp.app;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.LocalAccount;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryService;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.replica.EnvironmentReport;
import dev.replicasmcp.domain.replica.EnvironmentResolver;
import dev.replicasmcp.domain.replica.ReplicaEnvironment;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.repository.RepositoryService;
import dev.replicasmcp.runtime.agent.ScriptedAgentRunner;
import dev.replicasmcp.runtime.git.GitRepositoryInspector;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SqlChatStore;
import dev.replicasmcp.storage.SqlEngineEventStore;
import dev.replicasmcp.storage.SqlEnvironmentStore;
import dev.replicasmcp.storage.SqlHistoryStore;
import dev.replicasmcp.storage.SqlHookLogStore;
import dev.replicasmcp.storage.SqlLocalAccountStore;
import dev.replicasmcp.storage.SqlMessageStore;
import dev.replicasmcp.storage.SqlReplicaStore;
import dev.replicasmcp.storage.SqlRepositoryStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The domain core wired by hand on its SQLite database: built once, closed on shutdown. */
public final class Core implements AutoCloseable {

    private final Database db;
    private final ExecutorService turns;
    private final ScheduledExecutorService scheduler;
    private final Services services;
    private final EventLog events;
    private final TurnEngine engine;
    private final ReplicaLifecycle lifecycle;

    private Core(Database db, ExecutorService turns, ScheduledExecutorService scheduler, Services services,
                 EventLog events, TurnEngine engine, ReplicaLifecycle lifecycle) {
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.db = db;
        this.turns = turns;
        this.scheduler = scheduler;
        this.services = services;
        this.events = events;
    }

    /** Opens (and migrates) the database, wires the services, then repairs what a crash left open. */
    public static Core start(Settings settings, Clock clock, Ids ids) {
        Database db = Database.open(settings.databaseFile());
        ExecutorService turns = Executors.newCachedThreadPool(daemon("turn"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("lifecycle"));
        SqlReplicaStore replicaStore = new SqlReplicaStore(db);
        SqlChatStore chatStore = new SqlChatStore(db);
        SqlMessageStore messageStore = new SqlMessageStore(db);
        SqlHistoryStore historyStore = new SqlHistoryStore(db);
        EventLog events = new EventLog(new SqlEngineEventStore(db), clock);
        TurnEngine engine = new TurnEngine(new TurnEngine.Stores(replicaStore, chatStore, messageStore, historyStore),
                events, new ScriptedAgentRunner(settings.turnDelay(), clock), db, clock, turns);
        ReplicaLifecycle lifecycle = new ReplicaLifecycle(replicaStore, events, engine, db, clock, scheduler,
                settings.wakeDelay());
        RepositoryService repositories = new RepositoryService(new SqlRepositoryStore(db),
                new GitRepositoryInspector(), db, clock, ids);
        EnvironmentService environments = new EnvironmentService(new SqlEnvironmentStore(db), repositories, db,
                clock, ids);
        ReplicaLookup lookup = new ReplicaLookup(replicaStore);
        ChatService chats = new ChatService(chatStore, lookup, lifecycle, engine, events, db, clock, ids);
        MessageService messages = new MessageService(messageStore, chatStore, chats, replicaStore, lifecycle, engine,
                events, db, clock, ids);
        HistoryService history = new HistoryService(historyStore, chatStore, chats, lookup, lifecycle);
        ReplicaService replicas = new ReplicaService(replicaStore, new EnvironmentResolver(environments, repositories),
                new ReplicaService.Conversations(chatStore, chats, messages, engine), lifecycle,
                new SqlHookLogStore(db), new EnvironmentReport(scriptedAgents()), db, clock, ids);
        LocalAccount account = LocalAccount.ensure(new SqlLocalAccountStore(db), db, clock, ids);
        engine.recover();
        lifecycle.recover();
        Services services = new Services(repositories, environments, replicas, chats, messages, history,
                account.caller());
        return new Core(db, turns, scheduler, services, events, engine, lifecycle);
    }

    /** The built-in scripted runner answers for every agent, offline. */
    private static Map<CodingAgent, ReplicaEnvironment.AgentAvailability> scriptedAgents() {
        Map<CodingAgent, ReplicaEnvironment.AgentAvailability> agents = new EnumMap<>(CodingAgent.class);
        for (CodingAgent agent : CodingAgent.values()) {
            agents.put(agent, new ReplicaEnvironment.AgentAvailability(true, "scripted"));
        }
        return agents;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public Services services() {
        return services;
    }

    public EventLog events() {
        return events;
    }

    public ReplicaLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public void close() {
        engine.stop();
        scheduler.shutdownNow();
        turns.shutdownNow();
        try {
            turns.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
