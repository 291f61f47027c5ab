package dev.replicasmcp.app;

import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.agent.AgentRunner;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.TurnContexts;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryService;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.environment.ConfigMerge;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.event.ReplicaEvents;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.BootHooks;
import dev.replicasmcp.domain.replica.EnvironmentReport;
import dev.replicasmcp.domain.replica.EnvironmentResolver;
import dev.replicasmcp.domain.replica.LifecyclePolicies;
import dev.replicasmcp.domain.replica.Provisioner;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import dev.replicasmcp.domain.replica.ReplicaRemoval;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.replica.ReplicaTurnContexts;
import dev.replicasmcp.domain.replica.RepositoryStatuses;
import dev.replicasmcp.domain.workspace.Checkouts;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import dev.replicasmcp.domain.workspace.Workspaces;
import dev.replicasmcp.runtime.workspace.RepositoryConfigFiles;
import dev.replicasmcp.storage.Database;
import dev.replicasmcp.storage.SqlChatStore;
import dev.replicasmcp.storage.SqlHistoryStore;
import dev.replicasmcp.storage.SqlHookLogStore;
import dev.replicasmcp.storage.SqlMessageStore;
import dev.replicasmcp.storage.SqlProvisioningStore;
import dev.replicasmcp.storage.SqlReplicaStore;
import java.time.Clock;

/**
 * The replica and conversation layer of {@link Wiring}: their stores are made once here and shared by the
 * services that read and write replicas, chats, messages and history.
 */
final class ReplicaWiring {

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final Threads threads;
    private final Settings settings;
    private final SqlReplicaStore replicaStore;
    private final SqlChatStore chatStore;
    private final SqlMessageStore messageStore;
    private final SqlHistoryStore historyStore;
    private final SqlHookLogStore hookLogs;
    private final SqlProvisioningStore provisioning;
    private final ReplicaLookup lookup;

    ReplicaWiring(Database db, Clock clock, Ids ids, Threads threads, Settings settings) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.threads = threads;
        this.settings = settings;
        this.replicaStore = new SqlReplicaStore(db);
        this.chatStore = new SqlChatStore(db);
        this.messageStore = new SqlMessageStore(db);
        this.historyStore = new SqlHistoryStore(db);
        this.hookLogs = new SqlHookLogStore(db);
        this.provisioning = new SqlProvisioningStore(db);
        this.lookup = new ReplicaLookup(replicaStore);
    }

    TurnEngine turnEngine(EventLog events, AgentRunner runner, TurnContexts contexts) {
        return new TurnEngine(
                new TurnEngine.Stores(replicaStore, chatStore, messageStore, historyStore),
                events,
                runner,
                contexts,
                db,
                clock,
                threads.turns());
    }

    /** What each turn runs with: the replica's workspace, its environment's variables, the agent's credential. */
    TurnContexts turnContexts(EnvironmentService environments, ConfigMerge merge, AgentService agents) {
        return new ReplicaTurnContexts(
                replicaStore, provisioning, environments, merge, agents, new RepositoryConfigFiles());
    }

    ReplicaLifecycle lifecycle(EventLog events, TurnEngine engine) {
        return new ReplicaLifecycle(replicaStore, events, engine, db, clock, threads.scheduler(), settings.wakeDelay());
    }

    ChatService chats(ReplicaLifecycle lifecycle, TurnEngine engine, AgentService agents, EventLog events) {
        return new ChatService(chatStore, lookup, lifecycle, engine, agents, events, db, clock, ids);
    }

    MessageService messages(ChatService chats, ReplicaLifecycle lifecycle, TurnEngine engine, EventLog events) {
        return new MessageService(
                messageStore, chatStore, chats, replicaStore, lifecycle, engine, events, db, clock, ids);
    }

    HistoryService history(ChatService chats, ReplicaLifecycle lifecycle) {
        return new HistoryService(historyStore, chatStore, chats, lookup, lifecycle);
    }

    ReplicaEvents events(ReplicaLifecycle lifecycle, EventLog events) {
        return new ReplicaEvents(lookup, lifecycle, chatStore, events, clock);
    }

    Provisioner provisioner(
            EnvironmentService environments,
            ConfigMerge merge,
            WarmPoolService pool,
            Workspaces workspaces,
            WorkspaceRepositories repositories,
            HookExecutor executor) {
        BootHooks boot = new BootHooks(
                executor, repositories, hookLogs, replicaStore, threads.background(), clock, settings.hookTimeout());
        return new Provisioner(
                environments, merge, pool, workspaces, repositories, executor, boot, provisioning, clock);
    }

    ReplicaRemoval removal(TurnEngine engine, EventLog events, Provisioner provisioner) {
        return new ReplicaRemoval(replicaStore, chatStore, engine, events, provisioner, db, clock);
    }

    ReplicaService replicas(
            EnvironmentResolver resolver,
            ChatService chats,
            MessageService messages,
            ReplicaLifecycle lifecycle,
            Provisioner provisioner,
            ReplicaRemoval removal,
            Checkouts checkouts,
            AgentService agents) {
        return new ReplicaService(
                replicaStore,
                resolver,
                new ReplicaService.Conversations(chatStore, chats, messages),
                lifecycle,
                hookLogs,
                new EnvironmentReport(agents, provisioning, hookLogs),
                new ReplicaService.Workspace(
                        provisioner, removal, new RepositoryStatuses(provisioning, checkouts), threads.background()),
                db,
                clock,
                ids);
    }

    /** The idle and when-done policies, run on the lifecycle scheduler. */
    LifecyclePolicies policies(ReplicaLifecycle lifecycle, ReplicaRemoval removal) {
        return new LifecyclePolicies(
                new LifecyclePolicies.Stores(replicaStore, chatStore, messageStore),
                lifecycle,
                removal,
                db,
                clock,
                settings.idleSleep(),
                threads.scheduler());
    }
}
