package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.api.ChatView;
import dev.replicasmcp.api.HooksView;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.HistoryPage;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.chat.SendResult;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** The official tools around a replica's conversations: messages, chats, history and hook logs. */
public final class ConversationOperations {

    static final Toolset TOOLSET = ReplicaOperations.TOOLSET;
    static final int DEFAULT_HISTORY_LIMIT = 20;
    static final int MAX_HISTORY_LIMIT = 200;
    static final int TEXT_BUDGET = 4_000;

    private ConversationOperations() {}

    public record SendInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId,

            @JsonProperty(required = true) @JsonPropertyDescription("The message; start with /plan for plan mode")
            String message,

            @JsonPropertyDescription(
                    "Chat to send to (list_chats); default: the default chat, or the latest chat " + "of coding_agent")
            String chatId,

            @AllowedValues(CodingAgent.class)
            @JsonPropertyDescription(
                    "Agent for this message; without chat_id " + "picks (or creates) a chat of that agent")
            String codingAgent,

            String model,
            List<ImageInput> images,

            @JsonPropertyDescription("Plan only, change nothing")
            Boolean planMode,

            @AllowedValues(ThinkingLevel.class) String thinkingLevel) {}

    public record SendOutput(
            @AllowedValues(SendResult.Status.class)
            @JsonPropertyDescription(
                    "sent: started; queued: waits behind " + "the running turn; waking: the replica is waking")
            String status,

            @Nullable String messageId,

            @Nullable @JsonPropertyDescription("Place in the queue, from 1")
            Integer position,

            @Nullable String chatId) {}

    public record ChatList(
            List<ChatView> chats,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Boolean waking) {}

    public record CreateChatInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId,

            @JsonProperty(required = true)
            @AllowedValues(CodingAgent.class)
            @JsonPropertyDescription("Agent the chat runs")
            String provider,

            @JsonPropertyDescription("Title; default 'New chat'")
            String title) {}

    public record DeleteChatInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId,

            @JsonProperty(required = true) @JsonPropertyDescription("Chat id (list_chats)")
            String chatId) {}

    public record HistoryInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId,

            @JsonPropertyDescription("Chat to read; default: the replica's default chat")
            String chatId,

            @JsonPropertyDescription("Events per page, 1–200 (default 20)")
            Integer limit,

            @JsonPropertyDescription("Newest events to skip (default 0); += limit to go back")
            Integer offset,

            @JsonPropertyDescription("true: do not cut texts longer than 4,000 characters")
            Boolean fullText) {}

    public record HistoryOutput(
            @Nullable String threadId,
            List<HistoryEvent> events,
            long total,
            boolean hasMore,
            @Nullable @AllowedValues(CodingAgent.class) String codingAgent,
            @Nullable Boolean waking,

            @Nullable @JsonPropertyDescription("How to read cut texts whole")
            String note) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.mutating(
                                "send_replica_message",
                                "Send a message to a replica",
                                TOOLSET,
                                "Send a message to a replica's agent; answers once it is stored. Read the reply with "
                                        + "read_replica_history.",
                                SendInput.class,
                                SendOutput.class,
                                ConversationOperations::send)
                        .at(Route.post("/v1/replica/{replica_id}/messages")),
                Operation.readOnly(
                                "list_chats",
                                "List a replica's chats",
                                TOOLSET,
                                "List a replica's chats, oldest first, with their agent (provider) and whether each is "
                                        + "processing.",
                                ReplicaOperations.ReplicaIdInput.class,
                                ChatList.class,
                                (ctx, in) -> {
                                    ChatService.ChatList list =
                                            ctx.services().chats().list(ctx.caller(), in.replicaId());
                                    return new ChatList(
                                            list.chats().stream()
                                                    .map(ChatView::of)
                                                    .toList(),
                                            list.waking() ? Boolean.TRUE : null);
                                })
                        .at(Route.get("/v1/replica/{replica_id}/chats")),
                Operation.mutating(
                                "create_chat",
                                "Open a new chat",
                                TOOLSET,
                                "Open another chat in a replica, bound to one agent (provider), with its own queue and "
                                        + "history.",
                                CreateChatInput.class,
                                ChatView.class,
                                (ctx, in) -> ChatView.of(ctx.services()
                                        .chats()
                                        .create(ctx.caller(), in.replicaId(), in.provider(), in.title())))
                        .at(Route.post("/v1/replica/{replica_id}/chats").created())
                        .audited(Audit.created("chat", (in, out) -> out.id())),
                Operation.destructive(
                                "delete_chat",
                                "Delete a chat",
                                TOOLSET,
                                "Delete a chat: interrupts its running turn, drops its queue and deletes its history.",
                                DeleteChatInput.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .chats()
                                            .delete(
                                                    ctx.caller(),
                                                    in.replicaId(),
                                                    in.chatId(),
                                                    ctx.changes(ChatView::of));
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/replica/{replica_id}/chats/{chat_id}"))
                        // Deleting interrupts the chat's running turn first: the entry commits with the deletion.
                        .audited(Audit.inService("chat.deleted", "chat")),
                Operation.readOnly(
                        "read_replica_history",
                        "Read a replica's history",
                        TOOLSET,
                        "Read a chat's history (user messages, agent text, tool use, results): the newest page, "
                                + "oldest event first; has_more=true means older events exist.",
                        HistoryInput.class,
                        HistoryOutput.class,
                        ConversationOperations::history),
                Operation.readOnly(
                                "get_replica_hooks",
                                "Get hook logs",
                                TOOLSET,
                                "Read the warm-hook and start-hook runs of a replica: script, output, exit code and "
                                        + "whether it timed out, in execution order.",
                                ReplicaOperations.ReplicaIdInput.class,
                                HooksView.class,
                                (ctx, in) ->
                                        HooksView.of(ctx.services().replicas().hooks(ctx.caller(), in.replicaId())))
                        .at(Route.get("/v1/replica/{replica_id}/hooks")));
    }

    /** The chat as it was, for the audit entry of its deletion (null when there is no such chat). */
    private static SendOutput send(OperationContext ctx, SendInput in) {
        SendResult result = ctx.services()
                .messages()
                .send(
                        ctx.caller(),
                        in.replicaId(),
                        new SendMessage(
                                in.message(),
                                in.chatId(),
                                in.codingAgent(),
                                in.model(),
                                ImageInput.toImages(in.images()),
                                in.planMode(),
                                in.thinkingLevel()));
        return new SendOutput(result.status().wire(), result.messageId(), result.position(), result.chatId());
    }

    private static HistoryOutput history(OperationContext ctx, HistoryInput in) {
        int limit = in.limit() == null ? DEFAULT_HISTORY_LIMIT : in.limit();
        if (limit < 1 || limit > MAX_HISTORY_LIMIT) {
            throw DomainException.invalid("Field 'limit' must be between 1 and " + MAX_HISTORY_LIMIT + "; got " + limit
                    + ". Page with offset to read more.");
        }
        HistoryPage page = ctx.services().history().read(ctx.caller(), in.replicaId(), in.chatId(), limit, in.offset());
        List<HistoryEvent> events = page.events();
        String note = null;
        if (!Boolean.TRUE.equals(in.fullText())) {
            TextBudget budget = new TextBudget(TEXT_BUDGET);
            events = events.stream()
                    .map(e -> new HistoryEvent(
                            e.timestamp(),
                            e.type(),
                            new AgentEvent(
                                    e.payload().timestamp(),
                                    e.payload().type(),
                                    budget.apply(e.payload().payload()))))
                    .toList();
            if (budget.cutCount() > 0) {
                note = budget.cutCount() + " text(s) longer than " + TEXT_BUDGET + " characters were cut. To read "
                        + "an event whole, call read_replica_history with full_text=true, limit=1 and the offset "
                        + "that points at it.";
            }
        }
        return new HistoryOutput(
                page.threadId(),
                events,
                page.total(),
                page.hasMore(),
                page.codingAgent() == null ? null : page.codingAgent().wire(),
                page.waking(),
                note);
    }
}
