package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ModelName;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.event.EnginePayload;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaLifecycle;
import dev.replicasmcp.domain.replica.ReplicaLookup;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.ReplicaStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accepts messages into their chat's queue; the answer is given only after the row is committed. */
public final class MessageService {

    private final MessageStore messages;
    private final ChatStore chats;
    private final ChatService chatService;
    private final ReplicaStore replicaStore;
    private final ReplicaLookup replicas;
    private final ReplicaLifecycle lifecycle;
    private final TurnEngine engine;
    private final EventLog events;
    private final Transactions tx;
    private final Clock clock;
    private final Ids ids;

    public MessageService(
            MessageStore messages,
            ChatStore chats,
            ChatService chatService,
            ReplicaStore replicaStore,
            ReplicaLifecycle lifecycle,
            TurnEngine engine,
            EventLog events,
            Transactions tx,
            Clock clock,
            Ids ids) {
        this.messages = messages;
        this.chats = chats;
        this.chatService = chatService;
        this.replicaStore = replicaStore;
        this.replicas = new ReplicaLookup(replicaStore);
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    private record Accepted(SendResult result, Replica replica, Optional<Message> started) {}

    public SendResult send(Caller caller, String replicaId, SendMessage command) {
        MessageText text = MessageText.parse("message", command.message(), command.planMode());
        CodingAgent requested = CodingAgent.parse("coding_agent", command.codingAgent());
        CodingAgent agent = requested == null ? null : chatService.resolveAgent("coding_agent", requested);
        ThinkingLevel thinking = ThinkingLevel.parse("thinking_level", command.thinkingLevel());
        String model = ModelName.validated("model", command.model());
        List<Image> images = validImages(command.images());
        String chatId = Validation.optionalTrimmed(command.chatId());
        Accepted accepted = tx.inTransaction(() -> {
            // Its own columns only: nothing here, nor the turn it may start, reads its repositories.
            Replica replica = replicas.requireWithoutLinks(caller, replicaId);
            if (replica.status() == ReplicaStatus.ERROR) {
                throw DomainException.conflict("Replica " + replica.id() + " is in status 'error'"
                        + (replica.errorMessage() == null ? "" : " (" + replica.errorMessage() + ")")
                        + " and cannot take messages. Delete it and create a new one.");
            }
            Chat chat = chatService.route(replica, chatId, agent, text.text());
            checkThinking(thinking, chat.provider());
            return accept(replica, chat, text, images, model, thinking);
        });
        if (accepted.result().status() == SendResult.Status.WAKING) {
            lifecycle.wakeIfAsleep(accepted.replica());
        }
        accepted.started().ifPresent(engine::submit);
        return accepted.result();
    }

    /** Queues the first message of a new replica into its default chat; call inside a transaction. */
    public Optional<Message> enqueueInitial(Replica replica, Chat chat, MessageText text, List<Image> images) {
        return accept(replica, chat, text, images, replica.model(), replica.thinkingLevel())
                .started();
    }

    private Accepted accept(
            Replica replica, Chat chat, MessageText text, List<Image> images, String model, ThinkingLevel thinking) {
        boolean active = replica.status() == ReplicaStatus.ACTIVE;
        boolean asleep = replica.status() == ReplicaStatus.SLEEPING || replica.status() == ReplicaStatus.ARCHIVED;
        // The chat was read (or made) in this transaction: its counts are the queue's as it is now.
        int ahead = chat.queuedMessages();
        boolean idle = ahead == 0 && !chat.processing();
        int position = active && idle ? 0 : ahead + 1;
        String now = Timestamps.now(clock);
        Message message = new Message(
                ids.get(),
                chat.id(),
                replica.id(),
                text.text(),
                images,
                model,
                thinking,
                text.planMode(),
                MessageState.QUEUED,
                messages.nextQueueSeq(chat.id()),
                position,
                now);
        messages.insert(message);
        replicaStore.touch(replica.id(), now);
        if (replica.codingAgent() != chat.provider()) {
            // The replica was read in this transaction: an unchanged agent needs no write.
            replicaStore.setCodingAgent(replica.id(), chat.provider());
        }
        chats.touch(chat.id(), now);
        events.append(replica.id(), new EnginePayload.TurnAccepted(chat.id(), message.id(), position > 0, position));
        Optional<Message> started = active ? engine.claimNext(chat, replica) : Optional.empty();
        SendResult result;
        if (asleep || replica.waking()) {
            result = new SendResult(SendResult.Status.WAKING, message.id(), null, chat.id());
        } else if (position == 0) {
            result = new SendResult(SendResult.Status.SENT, message.id(), null, chat.id());
        } else {
            result = new SendResult(SendResult.Status.QUEUED, message.id(), position, chat.id());
        }
        return new Accepted(result, replica, started);
    }

    public static List<Image> validImages(List<Image> images) {
        if (images == null) {
            return List.of();
        }
        List<Image> valid = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == null) {
                throw DomainException.invalid("Field 'images[" + i + "]' is null; remove it or give an image.");
            }
            valid.add(images.get(i).validated(i));
        }
        return List.copyOf(valid);
    }

    /** ultra is Codex-only and ultracode Claude-only (spec §3.6); the scripted agent takes every level. */
    public static void checkThinking(ThinkingLevel thinking, CodingAgent agent) {
        if (agent == CodingAgent.SCRIPTED) {
            return;
        }
        if (thinking == ThinkingLevel.ULTRA && agent != CodingAgent.CODEX) {
            throw DomainException.invalid("Field 'thinking_level' 'ultra' works only with the codex agent; this chat "
                    + "runs '" + agent.wire() + "'. Use low, medium, high, max or xhigh.");
        }
        if (thinking == ThinkingLevel.ULTRACODE && agent != CodingAgent.CLAUDE) {
            throw DomainException.invalid("Field 'thinking_level' 'ultracode' works only with the claude agent; this "
                    + "chat runs '" + agent.wire() + "'. Use low, medium, high, max or xhigh.");
        }
    }
}
