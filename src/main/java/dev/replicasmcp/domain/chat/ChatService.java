package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.event.EnginePayload;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import java.time.Clock;
import java.util.List;

/** Lists, creates, deletes and routes to chats (spec §4.2 chats, §6.4). */
public final class ChatService {

    static final int MAX_TITLE = 200;

    private final ChatStore chats;
    private final ReplicaLookup replicas;
    private final ReplicaLifecycle lifecycle;
    private final TurnEngine engine;
    private final AgentService agents;
    private final EventLog events;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    /** The chats of a replica, and whether reading them started a wake. */
    public record ChatList(List<Chat> chats, boolean waking) {}

    public ChatService(
            ChatStore chats,
            ReplicaLookup replicas,
            ReplicaLifecycle lifecycle,
            TurnEngine engine,
            AgentService agents,
            EventLog events,
            Transactions tx,
            Clock clock,
            Ids ids) {
        this.chats = chats;
        this.replicas = replicas;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.agents = agents;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    public ChatList list(Caller caller, String replicaId) {
        Replica replica = replicas.require(caller, replicaId);
        boolean waking = lifecycle.wakeIfAsleep(replica);
        return new ChatList(chats.list(replica.id()), waking);
    }

    public Chat create(Caller caller, String replicaId, String provider, String title) {
        CodingAgent agent =
                resolveAgent("provider", CodingAgent.parse("provider", Validation.required("provider", provider)));
        String finalTitle = Validation.optionalTrimmed(title);
        if (finalTitle != null && finalTitle.length() > MAX_TITLE) {
            throw DomainException.invalid(
                    "Field 'title' is " + finalTitle.length() + " characters; the limit is " + MAX_TITLE + ".");
        }
        return tx.inTransaction(() -> {
            Replica replica = replicas.require(caller, replicaId);
            return insert(replica.id(), agent, finalTitle == null ? "New chat" : finalTitle, false);
        });
    }

    /**
     * The agent that answers a request naming this one (null: the server's default); one that cannot run
     * on this server is refused with the list of those that can.
     */
    public CodingAgent resolveAgent(String field, CodingAgent requested) {
        return agents.resolve(field, requested);
    }

    /** Creates the chat a new replica starts with; call inside a transaction. */
    public Chat createDefault(String replicaId, CodingAgent provider, String firstMessage) {
        return insert(replicaId, provider, titleFrom(firstMessage), true);
    }

    /** Creates a chat; call inside a transaction. */
    Chat insert(String replicaId, CodingAgent provider, String title, boolean isDefault) {
        String now = Timestamps.now(clock);
        Chat chat = new Chat(ids.get(), replicaId, provider, title, isDefault, null, now, now, false, 0);
        chats.insert(chat);
        events.append(replicaId, new EnginePayload.ChatCreated(chat));
        return chat;
    }

    public void delete(Caller caller, String replicaId, String chatId) {
        delete(caller, replicaId, chatId, ChangeRecorder.none());
    }

    /** As above; the deletion is recorded in the transaction that removes the chat. */
    public void delete(Caller caller, String replicaId, String chatId, ChangeRecorder<? super Chat> changes) {
        Validation.required("chat_id", chatId);
        Replica replica = replicas.require(caller, replicaId);
        Chat chat = require(replica, chatId);
        engine.interrupt(chat.id());
        tx.run(() -> {
            chats.delete(chat.id());
            events.append(replica.id(), new EnginePayload.ChatDeleted(chat.id()));
            changes.record(chat.id(), chat, null);
        });
    }

    Chat require(Replica replica, String chatId) {
        return chats.find(replica.id(), chatId.trim())
                .orElseThrow(() -> DomainException.notFound("No chat with id '" + Validation.abbreviate(chatId, 60)
                        + "' in replica " + replica.id() + " (field 'chat_id'). Call list_chats to see the chat ids."));
    }

    /**
     * Picks the chat a message goes to: the named chat, else the latest chat of the requested agent (as
     * resolved: the one that answers), else the default chat; creates one when none fits. Call inside a
     * transaction.
     */
    Chat route(Replica replica, String chatId, CodingAgent agent, String firstMessage) {
        if (chatId != null) {
            Chat chat = require(replica, chatId);
            if (agent != null && agent != chat.provider()) {
                throw DomainException.invalid("Field 'coding_agent' is '" + agent.wire() + "' but chat " + chat.id()
                        + " runs '" + chat.provider().wire() + "'. Omit coding_agent, or omit chat_id to use a "
                        + agent.wire() + " chat.");
            }
            return chat;
        }
        if (agent != null) {
            return chats.latestForProvider(replica.id(), agent)
                    .orElseGet(() -> insert(replica.id(), agent, titleFrom(firstMessage), false));
        }
        return chats.defaultChat(replica.id())
                .orElseGet(() -> insert(
                        replica.id(),
                        replica.codingAgent() != null ? replica.codingAgent() : agents.defaultAgent("coding_agent"),
                        titleFrom(firstMessage),
                        true));
    }

    /** A default title: the first line of the first message, shortened. */
    static String titleFrom(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "New chat" : Validation.abbreviate(line, 60);
    }
}
