package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.AgentEvents;
import dev.replicasmcp.domain.agent.AgentRunner;
import dev.replicasmcp.domain.agent.TurnContexts;
import dev.replicasmcp.domain.agent.TurnOutcome;
import dev.replicasmcp.domain.agent.TurnRequest;
import dev.replicasmcp.domain.event.EnginePayload;
import dev.replicasmcp.domain.event.EventLog;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.ReplicaStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns: one at a time per chat, in queue order, each on a background thread. Every state change
 * is committed before anyone is told, so a crash leaves only rows that recovery knows how to close.
 */
public final class TurnEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TurnEngine.class);

    private final Stores stores;
    private final EventLog events;
    private final AgentRunner runner;
    private final TurnContexts contexts;
    private final Transactions tx;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Turn> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Consumer<String> afterTurn = replicaId -> {};

    /** The stores the engine writes, grouped to keep the constructor readable. */
    public record Stores(ReplicaStore replicas, ChatStore chats, MessageStore messages, HistoryStore history) {}

    /** How a turn's end was recorded: whether it was (not cancelled) and the chat's next turn, if any. */
    private record Finished(boolean recorded, Optional<Message> next) {}

    /** A running turn; cancelled is set before the thread is interrupted so late writes are dropped. */
    private static final class Turn {
        volatile boolean cancelled;
        volatile Future<?> future;
    }

    public TurnEngine(
            Stores stores,
            EventLog events,
            AgentRunner runner,
            TurnContexts contexts,
            Transactions tx,
            Clock clock,
            ExecutorService executor) {
        this.stores = stores;
        this.events = events;
        this.runner = runner;
        this.contexts = contexts;
        this.tx = tx;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Marks the head of the chat's queue as processing when the chat is idle and its replica active.
     * Must run inside the caller's transaction; hand the result to {@link #submit} after commit.
     */
    public Optional<Message> claimNext(String chatId) {
        Optional<Chat> chat = stores.chats().findById(chatId);
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        Optional<Replica> replica = stores.replicas().findById(chat.get().replicaId());
        return replica.isEmpty() ? Optional.empty() : claimNext(chat.get(), replica.get());
    }

    /**
     * As {@link #claimNext(String)}, for a caller that has just read the chat and its replica in the same
     * transaction (a message being sent): they are not read again, nor is whether a turn of the chat runs
     * (the chat's processing flag, read with it; queuing a message does not change it).
     */
    public Optional<Message> claimNext(Chat chat, Replica replica) {
        if (replica.status() != ReplicaStatus.ACTIVE || chat.processing()) {
            return Optional.empty();
        }
        Optional<Message> head = stores.messages().headOfQueue(chat.id());
        head.ifPresent(message -> {
            String now = Timestamps.now(clock);
            stores.messages().markStarted(message.id(), now);
            stores.replicas().touch(message.replicaId(), now);
            stores.chats().touch(chat.id(), now);
            events.append(message.replicaId(), new EnginePayload.TurnStarted(chat.id(), message.id()));
            // The user's message opens the turn's history in the same transaction that starts the turn, so
            // a crash before the agent runs still leaves it in the history, ahead of the recovery's error.
            appendEvent(chat, AgentEvents.user(chat.provider(), now, message.text()));
        });
        return head;
    }

    /** Claims and starts the next turn of the chat, if it can start now. */
    public void dispatch(String chatId) {
        tx.inTransaction(() -> claimNext(chatId)).ifPresent(this::submit);
    }

    /** Starts every chat of the replica that has waiting messages (after a wake or a restart). */
    public void dispatchReplica(String replicaId) {
        stores.messages().chatsWithQueued(replicaId).forEach(this::dispatch);
    }

    /** Starts every chat that has waiting messages, whatever its replica (after a restart). */
    public void dispatchAll() {
        stores.messages().allChatsWithQueued().forEach(this::dispatch);
    }

    public void submit(Message message) {
        if (stopping) {
            return;
        }
        Turn turn = new Turn();
        running.put(message.chatId(), turn);
        turn.future = executor.submit(() -> run(message, turn));
    }

    /** Stops the chat's running turn, if any; its thread is interrupted and its late events dropped. */
    public void interrupt(String chatId) {
        Turn turn = running.remove(chatId);
        if (turn != null) {
            turn.cancelled = true;
            Future<?> future = turn.future;
            if (future != null) {
                future.cancel(true);
            }
        }
    }

    /**
     * Stops every running turn without recording an outcome: like a crash, the next start closes them
     * as not complete, so a stop never passes for a finished turn.
     */
    public void stop() {
        stopping = true;
        running.values().forEach(turn -> turn.cancelled = true);
    }

    /** Hears the replica id each time a recorded turn ends and its chat has nothing more queued. */
    public void afterEachTurn(Consumer<String> listener) {
        this.afterTurn = listener;
    }

    private void run(Message message, Turn turn) {
        Chat chat = stores.chats().findById(message.chatId()).orElse(null);
        if (chat == null || turn.cancelled) {
            return;
        }
        TurnOutcome outcome;
        try {
            TurnRequest request = new TurnRequest(
                    message.replicaId(),
                    chat.id(),
                    message.id(),
                    chat.provider(),
                    message.text(),
                    message.images(),
                    message.model(),
                    message.thinkingLevel(),
                    message.planMode(),
                    chat.threadId(),
                    contexts.forTurn(message.replicaId(), chat.provider()));
            outcome = runner.run(request, event -> record(chat, turn, event));
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            outcome = TurnOutcome.failed(chat.threadId(), "The turn was interrupted.");
        } catch (RuntimeException e) {
            LOG.warn("Agent turn failed in chat {}: {}", chat.id(), e.toString());
            outcome = TurnOutcome.failed(chat.threadId(), "The agent failed: " + e.getMessage());
        }
        finish(chat, message, turn, outcome);
    }

    private void record(Chat chat, Turn turn, AgentEvent event) {
        tx.run(() -> {
            if (turn.cancelled || stopping) {
                throw new CancellationException("turn cancelled");
            }
            appendEvent(chat, event);
        });
    }

    private void appendEvent(Chat chat, AgentEvent event) {
        stores.history().append(chat.id(), HistoryEvent.of(event));
        stores.replicas().touch(chat.replicaId(), Timestamps.now(clock));
        events.append(chat.replicaId(), new EnginePayload.TurnDelta(chat.id(), event));
    }

    private void finish(Chat chat, Message message, Turn turn, TurnOutcome outcome) {
        Finished finished = tx.inTransaction(() -> {
            running.remove(chat.id(), turn);
            if (stopping || turn.cancelled || stores.chats().findById(chat.id()).isEmpty()) {
                return new Finished(false, Optional.empty());
            }
            String now = Timestamps.now(clock);
            if (!outcome.complete() && !outcome.errorRecorded()) {
                appendEvent(chat, AgentEvents.result(chat.provider(), now, outcome.threadId(), false, outcome.error()));
            }
            stores.messages()
                    .markFinished(
                            message.id(),
                            outcome.complete() ? MessageState.DONE : MessageState.FAILED,
                            now,
                            outcome.error());
            if (outcome.threadId() != null) {
                stores.chats().setThreadId(chat.id(), outcome.threadId());
            }
            stores.chats().touch(chat.id(), now);
            stores.replicas().touch(chat.replicaId(), now);
            events.append(chat.replicaId(), new EnginePayload.TurnCompleted(chat.id(), outcome.complete()));
            return new Finished(true, claimNext(chat.id()));
        });
        if (finished.next().isPresent()) {
            submit(finished.next().get());
        } else if (finished.recorded()) {
            try {
                afterTurn.accept(chat.replicaId());
            } catch (RuntimeException e) {
                LOG.warn("After-turn listener failed for replica {}: {}", chat.replicaId(), e.toString());
            }
        }
    }

    /**
     * Closes turns a crash left open: each becomes interrupted with an error event in its history, so
     * no chat stays processing. Queued messages then go on.
     */
    public int recover() {
        int closed = tx.inTransaction(() -> {
            int count = 0;
            for (Message message : stores.messages().inState(MessageState.PROCESSING)) {
                Optional<Chat> chat = stores.chats().findById(message.chatId());
                String now = Timestamps.now(clock);
                String error = "The server stopped before this turn finished; the turn was not completed.";
                stores.messages().markFinished(message.id(), MessageState.INTERRUPTED, now, error);
                chat.ifPresent(c -> {
                    appendEvent(c, AgentEvents.result(c.provider(), now, c.threadId(), false, error));
                    events.append(c.replicaId(), new EnginePayload.TurnCompleted(c.id(), false));
                });
                count++;
            }
            return count;
        });
        if (closed > 0) {
            LOG.info("Closed {} turn(s) left running by the previous process", closed);
        }
        return closed;
    }
}
