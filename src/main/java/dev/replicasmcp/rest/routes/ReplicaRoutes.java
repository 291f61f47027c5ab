package dev.replicasmcp.rest.routes;

import dev.replicasmcp.api.HooksView;
import dev.replicasmcp.api.ReplicaDetailsView;
import dev.replicasmcp.api.ReplicaListItem;
import dev.replicasmcp.api.RepositorySetView;
import dev.replicasmcp.api.RepositoryView;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.ReplicaPage;
import dev.replicasmcp.domain.replica.ReplicaService;
import io.javalin.config.RoutesConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Repositories and replicas (spec §4.1, §4.2): the same services the replica tools call. */
public final class ReplicaRoutes {

    private ReplicaRoutes() {
    }

    record Created(ReplicaListItem replica, Workspace workspace) {
    }

    /** Where the workspace came from: a ready warm-pool workspace, a stale one, or a cold start. */
    record Workspace(String source, String path) {
    }

    record ReplicaList(List<ReplicaListItem> replicas, int total, int page, int limit, int totalPages) {
    }

    public static void register(RoutesConfig routes, Services s) {
        // Literal paths first: /v1/replica/{id} would otherwise take them.
        routes.get("/v1/replica/repositories", ctx -> Http.ok(ctx, Map.of("repositories",
                s.repositories().list(Http.caller(ctx)).stream().map(RepositoryView::of).toList())));
        routes.get("/v1/replica/repository-sets", ctx -> Http.ok(ctx, Map.of("repository_sets",
                s.repositories().listSets(Http.caller(ctx)).stream().map(RepositorySetView::of).toList())));
        routes.post("/v1/replica", ctx -> {
            boolean immediate = ApiVersion.answersAtOnce(ctx.header(ApiVersion.HEADER));
            Bodies.CreateReplica in = Http.body(ctx, Bodies.CreateReplica.class);
            CreateReplica command = new CreateReplica(in.name(), in.message(), in.environmentId(),
                    in.repositoryIds(), in.repositorySetId(), in.codingAgent(), in.model(),
                    Bodies.ImageBody.toImages(in.images()), in.lifecyclePolicy(), in.thinkingLevel(), in.planMode());
            if (immediate) {
                Http.created(ctx, Map.of("replica",
                        ReplicaListItem.of(s.replicas().createInBackground(Http.caller(ctx), command))));
                return;
            }
            ReplicaService.Created created = s.replicas().create(Http.caller(ctx), command);
            Http.created(ctx, new Created(ReplicaListItem.of(created.replica()), new Workspace(
                    created.provisioning().warmSource().wire(), created.provisioning().workspacePath())));
        });
        routes.get("/v1/replica", ctx -> {
            ReplicaPage page = s.replicas().list(Http.caller(ctx), Http.intQuery(ctx, "page"),
                    Http.intQuery(ctx, "limit"), ctx.queryParam("user_id"), ctx.queryParam("source"),
                    ctx.queryParam("status"));
            Http.ok(ctx, new ReplicaList(page.replicas().stream().map(ReplicaListItem::of).toList(), page.total(),
                    page.page(), page.limit(), page.totalPages()));
        });
        routes.get("/v1/replica/{id}", ctx -> {
            Set<String> include = includes(ctx.queryParam("include"));
            Http.ok(ctx, Map.of("replica", ReplicaDetailsView.of(s.replicas().get(Http.caller(ctx),
                    ctx.pathParam("id"), include), include.contains("diffs"))));
        });
        routes.delete("/v1/replica/{id}", ctx -> {
            s.replicas().delete(Http.caller(ctx), ctx.pathParam("id"));
            Http.ok(ctx, Map.of("success", true));
        });
        routes.get("/v1/replica/{id}/hooks", ctx -> Http.ok(ctx,
                HooksView.of(s.replicas().hooks(Http.caller(ctx), ctx.pathParam("id")))));
    }

    static Set<String> includes(String include) {
        if (include == null || include.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(include.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }
}
