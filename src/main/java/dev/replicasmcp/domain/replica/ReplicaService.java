package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Paging;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ModelName;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.MessageText;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.hook.StartHookLog;
import dev.replicasmcp.domain.repository.Repository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, lists, reads and deletes replicas (spec §4.2). */
public final class ReplicaService {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaService.class);

    private final ReplicaStore store;
    private final ReplicaLookup lookup;
    private final EnvironmentResolver resolver;
    private final ChatStore chats;
    private final ChatService chatService;
    private final MessageService messages;
    private final ReplicaLifecycle lifecycle;
    private final HookLogStore hookLogs;
    private final EnvironmentReport report;
    private final Provisioner provisioner;
    private final ReplicaRemoval removal;
    private final RepositoryStatuses statuses;
    private final Executor background;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    /** The collaborators that hold chats and messages. */
    public record Conversations(ChatStore chats, ChatService chatService, MessageService messages) {}

    /** The collaborators that make, read and remove workspaces. */
    public record Workspace(
            Provisioner provisioner, ReplicaRemoval removal, RepositoryStatuses statuses, Executor background) {}

    public ReplicaService(
            ReplicaStore store,
            EnvironmentResolver resolver,
            Conversations conversations,
            ReplicaLifecycle lifecycle,
            HookLogStore hookLogs,
            EnvironmentReport report,
            Workspace workspace,
            Transactions tx,
            Clock clock,
            Ids ids) {
        this.provisioner = workspace.provisioner();
        this.removal = workspace.removal();
        this.statuses = workspace.statuses();
        this.background = workspace.background();
        this.store = store;
        this.lookup = new ReplicaLookup(store);
        this.resolver = resolver;
        this.chats = conversations.chats();
        this.chatService = conversations.chatService();
        this.messages = conversations.messages();
        this.lifecycle = lifecycle;
        this.hookLogs = hookLogs;
        this.report = report;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /** A new replica and how its workspace was provisioned. */
    public record Created(Replica replica, Provisioning provisioning) {}

    private record Prepared(Replica replica, Environment environment, Provisioner.Plan plan) {}

    /** Creates the replica and waits until its workspace is ready (the legacy API and the MCP tool). */
    public Created create(Caller caller, CreateReplica command) {
        return create(caller, command, ChangeRecorder.none());
    }

    /** As above; the new replica is recorded in the transaction that stores it, before any clone or hook. */
    public Created create(Caller caller, CreateReplica command, ChangeRecorder<? super Replica> changes) {
        Prepared prepared = prepare(caller, command, changes);
        Provisioning provisioning = provision(prepared);
        // Under delete_when_done a fast first turn may already have deleted it: answer with what was made.
        Replica made = prepared.replica();
        return new Created(
                store.find(caller.organizationId(), made.id()).orElseGet(() -> made.withStatus(ReplicaStatus.ACTIVE)),
                provisioning);
    }

    /**
     * Creates the replica and answers at once in status preparing; the workspace is made in the background
     * (API version 2026-05-17). A failure there puts the replica in error, as a failed wait would.
     */
    public Replica createInBackground(Caller caller, CreateReplica command, ChangeRecorder<? super Replica> changes) {
        Prepared prepared = prepare(caller, command, changes);
        background.execute(() -> {
            try {
                provision(prepared);
            } catch (DomainException e) {
                LOG.warn("Replica {}: {}", prepared.replica().id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error(
                        "Replica {} could not be provisioned",
                        prepared.replica().id(),
                        e);
            }
        });
        return prepared.replica();
    }

    /**
     * A replica whose row (and first message) exists and whose workspace is still to be made: an automation
     * run records the replica's id first, then makes the workspace on its own thread.
     */
    public record Begun(Replica replica, Supplier<Provisioning> workspace) {}

    /**
     * Stores the replica with this source and its own inactivity window (null: the server-wide one);
     * {@link Begun#workspace} then makes its workspace, and throws as {@link #create} does when that fails
     * (the replica is then in status error).
     */
    public Begun begin(Caller caller, CreateReplica command, Source source, Integer autoStopMinutes) {
        Prepared prepared = prepare(caller, command, source, autoStopMinutes, ChangeRecorder.none());
        return new Begun(prepared.replica(), () -> provision(prepared));
    }

    private Prepared prepare(Caller caller, CreateReplica command, ChangeRecorder<? super Replica> changes) {
        return prepare(caller, command, Source.API, null, changes);
    }

    private Prepared prepare(
            Caller caller,
            CreateReplica command,
            Source source,
            Integer autoStopMinutes,
            ChangeRecorder<? super Replica> changes) {
        String name = ReplicaNames.valid(command.name());
        MessageText text = MessageText.parse("message", command.message(), command.planMode());
        CodingAgent finalAgent =
                chatService.resolveAgent("coding_agent", CodingAgent.parse("coding_agent", command.codingAgent()));
        String model = ModelName.validated("model", command.model());
        ThinkingLevel thinking = ThinkingLevel.parse("thinking_level", command.thinkingLevel());
        MessageService.checkThinking(thinking, finalAgent);
        LifecyclePolicy parsedPolicy = LifecyclePolicy.parse("lifecycle_policy", command.lifecyclePolicy());
        LifecyclePolicy policy = parsedPolicy == null ? LifecyclePolicy.DEFAULT : parsedPolicy;
        List<Image> images = MessageService.validImages(command.images());
        Prepared prepared = tx.inTransaction(() -> {
            Environment environment = resolver.resolve(caller, command);
            List<Repository> repositories = resolver.repositoriesOf(caller, environment);
            Provisioner.Plan plan = provisioner.plan(caller, environment);
            String now = Timestamps.now(clock);
            List<ReplicaRepository> copies = repositories.stream()
                    .map(r -> new ReplicaRepository(
                            r.id(), r.name(), r.url(), r.defaultBranch(), ReplicaNames.branchFor(name), false))
                    .toList();
            Replica created = new Replica(
                    ids.get(),
                    caller.organizationId(),
                    name,
                    ReplicaStatus.PREPARING,
                    source,
                    caller.userId(),
                    environment.id(),
                    finalAgent,
                    model,
                    thinking,
                    policy,
                    autoStopMinutes,
                    false,
                    null,
                    now,
                    now,
                    copies,
                    List.of());
            store.insert(created);
            Chat chat = chatService.createDefault(created.id(), finalAgent, text.text());
            messages.enqueueInitial(created, chat, text, images);
            changes.record(created.id(), null, created);
            return new Prepared(created, environment, plan);
        });
        return prepared;
    }

    private Provisioning provision(Prepared prepared) {
        Provisioning provisioning;
        try {
            provisioning = provisioner.provision(prepared.replica(), prepared.environment(), prepared.plan());
        } catch (RuntimeException e) {
            String reason = "Provisioning the workspace failed: " + e.getMessage();
            logFailure(prepared.replica().id(), reason);
            store.markError(prepared.replica().id(), reason, Timestamps.now(clock));
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    reason + " The replica " + prepared.replica().id()
                            + " is in status 'error'; delete it and try again.",
                    null);
        }
        if (store.findById(prepared.replica().id()).isEmpty()) {
            // Deleted while its workspace was being made: the folder made meanwhile goes too.
            provisioner.remove(prepared.replica().id());
            return provisioning;
        }
        lifecycle.activate(prepared.replica().id());
        return provisioning;
    }

    /**
     * The reason goes into the replica's start hook log too: it is where a user looks when a replica did not
     * come up, and no hook ran to leave anything there.
     */
    private void logFailure(String replicaId, String reason) {
        String output = reason + "\nNo hook ran. Fix the environment (its files, repositories) and create a new "
                + "replica; replicas of other environments are not affected.\n";
        try {
            hookLogs.appendStart(
                    replicaId,
                    new StartHookLog(
                            "environment",
                            "environment",
                            "environment",
                            List.of(),
                            output,
                            false,
                            output.length(),
                            1,
                            false,
                            Timestamps.now(clock)));
        } catch (RuntimeException e) {
            // The error status below still carries the reason.
            LOG.warn("Replica {}: the provisioning failure could not be logged: {}", replicaId, e.toString());
        }
    }

    public ReplicaPage list(Caller caller, Integer page, Integer limit, String userId, String source, String status) {
        Paging paging = Paging.of(page, limit, 10, 100);
        ReplicaFilter filter = new ReplicaFilter(
                Validation.optionalTrimmed(userId),
                Source.parse("source", source),
                ReplicaStatus.parse("status", status));
        int total = store.count(caller.organizationId(), filter);
        List<Replica> items = paging.offset() >= total
                ? List.of()
                : store.page(caller.organizationId(), filter, (int) paging.offset(), paging.limit());
        return new ReplicaPage(items, total, paging.page(), paging.limit());
    }

    /** include may hold "environment" and "diffs"; other tokens are ignored. Wakes a sleeping replica. */
    public ReplicaDetails get(Caller caller, String id, Set<String> include) {
        Replica replica = lookup.require(caller, id);
        boolean waking = lifecycle.wakeIfAsleep(replica);
        List<RepositoryStatus> repositoryStatuses =
                waking ? List.of() : statuses.of(replica, include.contains("diffs"));
        ReplicaEnvironment environment = include.contains("environment") ? report.of(replica) : null;
        return new ReplicaDetails(replica, repositoryStatuses, waking, chats.list(replica.id()), environment);
    }

    /** The replica as stored, without waking it (get wakes a sleeping one). */
    public Replica find(Caller caller, String id) {
        return lookup.require(caller, id);
    }

    /** Stops its turns and hooks, drops its chats and queues, and removes its workspace folder. */
    public void delete(Caller caller, String id) {
        delete(caller, id, ChangeRecorder.none());
    }

    /** As above; the deletion is recorded in the transaction that marks the row deleted. */
    public void delete(Caller caller, String id, ChangeRecorder<? super Replica> changes) {
        removal.remove(lookup.require(caller, id), changes);
    }

    public HookLogs hooks(Caller caller, String id) {
        return hookLogs.forReplica(lookup.require(caller, id).id());
    }
}
