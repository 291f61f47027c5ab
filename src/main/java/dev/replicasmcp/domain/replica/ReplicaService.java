package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.Chat;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.ChatStore;
import dev.replicasmcp.domain.chat.Image;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.chat.MessageText;
import dev.replicasmcp.domain.chat.TurnEngine;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.event.ReplicaEvents;
import dev.replicasmcp.domain.hook.HookLogStore;
import dev.replicasmcp.domain.hook.HookLogs;
import dev.replicasmcp.domain.repository.Repository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates, lists, reads and deletes replicas (spec §4.2). */
public final class ReplicaService {

    private static final Pattern NAME = Pattern.compile("^\\S+$");
    static final int MAX_NAME = 100;

    private final ReplicaStore store;
    private final ReplicaLookup lookup;
    private final EnvironmentResolver resolver;
    private final ChatStore chats;
    private final ChatService chatService;
    private final MessageService messages;
    private final TurnEngine engine;
    private final EventLog events;
    private final ReplicaLifecycle lifecycle;
    private final HookLogStore hookLogs;
    private final EnvironmentReport report;
    private final Provisioner provisioner;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    /** The collaborators that hold chats and messages. */
    public record Conversations(ChatStore chats, ChatService chatService, MessageService messages, TurnEngine engine,
                                EventLog events) {
    }

    public ReplicaService(ReplicaStore store, EnvironmentResolver resolver, Conversations conversations,
                          ReplicaLifecycle lifecycle, HookLogStore hookLogs, EnvironmentReport report,
                          Provisioner provisioner, Transactions tx, Clock clock, Ids ids) {
        this.provisioner = provisioner;
        this.store = store;
        this.lookup = new ReplicaLookup(store);
        this.resolver = resolver;
        this.chats = conversations.chats();
        this.chatService = conversations.chatService();
        this.messages = conversations.messages();
        this.engine = conversations.engine();
        this.events = conversations.events();
        this.lifecycle = lifecycle;
        this.hookLogs = hookLogs;
        this.report = report;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /** A new replica and how its workspace was provisioned. */
    public record Created(Replica replica, Provisioning provisioning) {
    }

    private record Prepared(Replica replica, Environment environment, Provisioner.Plan plan) {
    }

    public Created create(Caller caller, CreateReplica command) {
        String name = validName(command.name());
        MessageText text = MessageText.parse("message", command.message(), command.planMode());
        CodingAgent agent = CodingAgent.parse("coding_agent", command.codingAgent());
        CodingAgent finalAgent = agent == null ? CodingAgent.CLAUDE : agent;
        chatService.requireAgent("coding_agent", finalAgent);
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
            List<ReplicaRepository> copies = repositories.stream().map(r -> new ReplicaRepository(r.id(), r.name(),
                    r.url(), r.defaultBranch(), "replicas/" + name, false)).toList();
            Replica created = new Replica(ids.get(), caller.organizationId(), name, ReplicaStatus.PREPARING,
                    Source.API, caller.userId(), environment.id(), finalAgent,
                    Validation.optionalTrimmed(command.model()), thinking, policy, false, null, now, now, copies,
                    List.of());
            store.insert(created);
            Chat chat = chatService.createDefault(created.id(), finalAgent, text.text());
            messages.enqueueInitial(created, chat, text, images);
            return new Prepared(created, environment, plan);
        });
        Provisioning provisioning;
        try {
            provisioning = provisioner.provision(prepared.replica(), prepared.environment(), prepared.plan());
        } catch (RuntimeException e) {
            String reason = "Provisioning the workspace failed: " + e.getMessage();
            store.markError(prepared.replica().id(), reason, Timestamps.now(clock));
            throw new DomainException(DomainException.Kind.UNAVAILABLE, reason + " The replica " + prepared.replica().id()
                    + " is in status 'error'; delete it and try again.", null);
        }
        lifecycle.activate(prepared.replica().id());
        return new Created(lookup.require(caller, prepared.replica().id()), provisioning);
    }

    public ReplicaPage list(Caller caller, Integer page, Integer limit, String userId, String source, String status) {
        int finalPage = page == null ? 1 : page;
        int finalLimit = limit == null ? 10 : limit;
        if (finalPage < 1) {
            throw DomainException.invalid("Field 'page' must be 1 or more; got " + finalPage + ".");
        }
        if (finalLimit < 1 || finalLimit > 100) {
            throw DomainException.invalid("Field 'limit' must be between 1 and 100; got " + finalLimit + ".");
        }
        ReplicaFilter filter = new ReplicaFilter(Validation.optionalTrimmed(userId), Source.parse("source", source),
                ReplicaStatus.parse("status", status));
        int total = store.count(caller.organizationId(), filter);
        long offset = (long) (finalPage - 1) * finalLimit;
        List<Replica> items = offset >= total ? List.of()
                : store.page(caller.organizationId(), filter, (int) offset, finalLimit);
        return new ReplicaPage(items, total, finalPage, finalLimit);
    }

    /** include may hold "environment" and "diffs"; other tokens are ignored. Wakes a sleeping replica. */
    public ReplicaDetails get(Caller caller, String id, Set<String> include) {
        Replica replica = lookup.require(caller, id);
        boolean waking = lifecycle.wakeIfAsleep(replica);
        List<RepositoryStatus> statuses = waking ? List.of() : replica.repositories().stream()
                .map(r -> new RepositoryStatus(r.name(), r.branch(), r.defaultBranch(), prUrls(replica, r.name()),
                        r.startHooksCompleted(), null))
                .toList();
        ReplicaEnvironment environment = include.contains("environment") ? report.of(replica) : null;
        return new ReplicaDetails(replica, statuses, waking, chats.list(replica.id()), environment);
    }

    public void delete(Caller caller, String id) {
        Replica replica = lookup.require(caller, id);
        List<Chat> all = chats.list(replica.id());
        all.forEach(chat -> engine.interrupt(chat.id()));
        tx.run(() -> {
            all.forEach(chat -> chats.delete(chat.id()));
            store.markDeleted(replica.id(), Timestamps.now(clock));
            // Event streams of the replica end with this event.
            events.append(replica.id(), ReplicaEvents.DELETED, EventLog.payload().put("replicaId", replica.id()));
        });
        provisioner.remove(replica.id());
    }

    public HookLogs hooks(Caller caller, String id) {
        return hookLogs.forReplica(lookup.require(caller, id).id());
    }

    private static List<String> prUrls(Replica replica, String repository) {
        return replica.pullRequests().stream().filter(pr -> pr.repository().equals(repository))
                .map(PullRequest::url).toList();
    }

    static String validName(String name) {
        Validation.required("name", name);
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid("Field 'name' must not contain whitespace (pattern ^\\S+$); got '"
                    + Validation.abbreviate(name, 60) + "'. Use dashes, e.g. 'fix-auth-bug'.");
        }
        if (name.length() > MAX_NAME) {
            throw DomainException.invalid("Field 'name' is " + name.length() + " characters; the limit is "
                    + MAX_NAME + ".");
        }
        return name;
    }
}
