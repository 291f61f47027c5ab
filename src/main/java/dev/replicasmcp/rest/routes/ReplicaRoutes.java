package dev.replicasmcp.rest.routes;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.chat.HistoryEvent;
import dev.replicasmcp.domain.chat.HistoryPage;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.defs.ReplicaOperations;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Set;

/**
 * The two places where the REST door truly differs from the tool, so they register themselves instead
 * of coming from their operation's route alone: POST /v1/replica answers at once under API version
 * 2026-05-17, and the history route returns every remaining event when no limit is given (spec §13 #17)
 * while the tool pages by 20 and cuts long texts for models.
 */
public final class ReplicaRoutes {

    /** The operations whose routes are registered here. */
    public static final Set<String> CUSTOM = Set.of("create_replica");

    private ReplicaRoutes() {}

    record History(
            @Nullable String threadId,
            List<HistoryEvent> events,
            long total,
            boolean hasMore,
            @Nullable String codingAgent,
            @Nullable Boolean waking) {}

    public static void register(
            RoutesConfig routes, Services s, OperationRoutes operations, List<Operation<?, ?>> all) {
        Operation<?, ?> create = all.stream()
                .filter(op -> op.name().equals("create_replica"))
                .findFirst()
                .orElseThrow();
        var waiting = operations.handler(create);
        var atOnce = operations.handler(ReplicaOperations.CREATE_AT_ONCE);
        routes.post("/v1/replica", ctx -> {
            if (ApiVersion.answersAtOnce(ctx.header(ApiVersion.HEADER))) {
                atOnce.handle(ctx);
            } else {
                waiting.handle(ctx);
            }
        });
        routes.get("/v1/replica/{replica_id}/history", ctx -> {
            HistoryPage page = s.history()
                    .read(
                            Http.caller(ctx),
                            ctx.pathParam("replica_id"),
                            ctx.queryParam("chat_id"),
                            Http.intQuery(ctx, "limit"),
                            Http.intQuery(ctx, "offset"));
            Http.ok(
                    ctx,
                    new History(
                            page.threadId(),
                            page.events(),
                            page.total(),
                            page.hasMore(),
                            page.codingAgent() == null
                                    ? null
                                    : page.codingAgent().wire(),
                            page.waking()));
        });
    }
}
