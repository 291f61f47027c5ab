package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.replicasmcp.api.ChatView;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.HistoryPage;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.chat.SendResult;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/** A replica's conversations (spec §4.2): messages, chats and history, over the services the tools call. */
public final class ConversationRoutes {

    private ConversationRoutes() {
    }

    record Sent(String status, @Nullable String messageId, @Nullable Integer position, @Nullable String chatId) {
    }

    record ChatList(List<ChatView> chats, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean waking) {
    }

    record History(@Nullable String threadId, List<HistoryEvent> events, long total, boolean hasMore,
                   @Nullable String codingAgent, @Nullable Boolean waking) {
    }

    public static void register(RoutesConfig routes, Services s) {
        routes.post("/v1/replica/{id}/messages", ctx -> {
            Bodies.SendMessage in = Http.body(ctx, Bodies.SendMessage.class);
            SendResult result = s.messages().send(Http.caller(ctx), ctx.pathParam("id"), new SendMessage(in.message(),
                    in.chatId(), in.codingAgent(), in.model(), Bodies.ImageBody.toImages(in.images()), in.planMode(),
                    in.thinkingLevel()));
            Http.ok(ctx, new Sent(result.status().wire(), result.messageId(), result.position(), result.chatId()));
        });
        routes.get("/v1/replica/{id}/chats", ctx -> {
            ChatService.ChatList list = s.chats().list(Http.caller(ctx), ctx.pathParam("id"));
            Http.ok(ctx, new ChatList(list.chats().stream().map(ChatView::of).toList(),
                    list.waking() ? Boolean.TRUE : null));
        });
        routes.post("/v1/replica/{id}/chats", ctx -> {
            Bodies.CreateChat in = Http.body(ctx, Bodies.CreateChat.class);
            Http.created(ctx, ChatView.of(s.chats().create(Http.caller(ctx), ctx.pathParam("id"), in.provider(),
                    in.title())));
        });
        routes.delete("/v1/replica/{id}/chats/{chatId}", ctx -> {
            s.chats().delete(Http.caller(ctx), ctx.pathParam("id"), ctx.pathParam("chatId"));
            Http.ok(ctx, Map.of("success", true));
        });
        routes.get("/v1/replica/{id}/history", ctx -> {
            // No limit means every remaining event (spec §13 #17); the tool pages by 20 for models.
            HistoryPage page = s.history().read(Http.caller(ctx), ctx.pathParam("id"), ctx.queryParam("chat_id"),
                    Http.intQuery(ctx, "limit"), Http.intQuery(ctx, "offset"));
            Http.ok(ctx, new History(page.threadId(), page.events(), page.total(), page.hasMore(),
                    page.codingAgent() == null ? null : page.codingAgent().wire(), page.waking()));
        });
    }
}
