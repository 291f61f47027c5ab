package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.api.EnvironmentView;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Environments (spec §4.3); `global` names the organization's Global environment wherever an id goes. */
public final class EnvironmentRoutes {

    private EnvironmentRoutes() {
    }

    public static void register(RoutesConfig routes, Services s) {
        routes.get("/v1/environments", ctx -> Http.ok(ctx, Map.of("environments",
                s.environments().list(Http.caller(ctx)).stream().map(EnvironmentView::of).toList())));
        routes.post("/v1/environments", ctx -> {
            Bodies.CreateEnvironment in = Http.body(ctx, Bodies.CreateEnvironment.class);
            Http.created(ctx, Map.of("environment", EnvironmentView.of(s.environments().create(Http.caller(ctx),
                    in.name(), in.description(), in.repositoryId(), in.repositorySetId(), in.systemPrompt()))));
        });
        routes.get("/v1/environments/{id}", ctx -> Http.ok(ctx, Map.of("environment", EnvironmentView.of(
                s.environments().get(Http.caller(ctx), "id", ctx.pathParam("id"))))));
        routes.patch("/v1/environments/{id}", ctx -> {
            ObjectNode body = Http.object(ctx);
            Bodies.UpdateEnvironment in = Http.body(body, Bodies.UpdateEnvironment.class);
            Http.ok(ctx, Map.of("environment", EnvironmentView.of(s.environments().update(Http.caller(ctx),
                    ctx.pathParam("id"), new UpdateEnvironment(in.name(), in.description(), in.repositoryId(),
                            in.repositorySetId(), in.systemPrompt(), explicitNulls(body))))));
        });
        routes.delete("/v1/environments/{id}", ctx -> {
            s.environments().delete(Http.caller(ctx), ctx.pathParam("id"));
            Http.ok(ctx, Map.of("success", true));
        });
    }

    /** A field sent as JSON null clears it; a field left out stays as it is. */
    static Set<String> explicitNulls(ObjectNode body) {
        Set<String> clear = new TreeSet<>();
        body.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                return;
            }
            if (UpdateEnvironment.CLEARABLE.contains(field.getKey())) {
                clear.add(field.getKey());
            } else if (field.getKey().equals("name")) {
                throw DomainException.invalid("Field 'name' cannot be null: give a new name, or leave it out. "
                        + "Nullable fields: " + String.join(", ", new TreeSet<>(UpdateEnvironment.CLEARABLE)) + ".");
            }
        });
        return clear;
    }
}
