package dev.replicasmcp.rest.routes;

import dev.replicasmcp.api.EnvironmentContentViews.File;
import dev.replicasmcp.api.EnvironmentContentViews.Mcp;
import dev.replicasmcp.api.EnvironmentContentViews.SearchSkill;
import dev.replicasmcp.api.EnvironmentContentViews.Skill;
import dev.replicasmcp.api.EnvironmentContentViews.Variable;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.api.WireJson;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** What an environment holds (spec §4.3): variables, files, MCP servers and skills. */
public final class EnvironmentContentRoutes {

    static final String ENV = "/v1/environments/{environmentId}";
    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    private EnvironmentContentRoutes() {
    }

    public static void register(RoutesConfig routes, Services s) {
        variables(routes, s);
        files(routes, s);
        mcps(routes, s);
        skills(routes, s);
    }

    private static void variables(RoutesConfig routes, Services s) {
        var variables = s.contents().variables();
        routes.get(ENV + "/variables", ctx -> Http.ok(ctx, Map.of("environment_variables", variables
                .list(Http.caller(ctx), env(ctx)).stream().map(Variable::of).toList())));
        routes.post(ENV + "/variables", ctx -> {
            Bodies.CreateVariable in = Http.body(ctx, Bodies.CreateVariable.class);
            Http.created(ctx, Map.of("environment_variable", Variable.of(variables.create(Http.caller(ctx), env(ctx),
                    in.key(), in.value()))));
        });
        routes.patch(ENV + "/variables/{id}", ctx -> {
            Bodies.UpdateVariable in = Http.body(ctx, Bodies.UpdateVariable.class);
            Http.ok(ctx, Map.of("environment_variable", Variable.of(variables.update(Http.caller(ctx), env(ctx),
                    ctx.pathParam("id"), in.key(), in.value()))));
        });
        routes.delete(ENV + "/variables/{id}", ctx -> {
            variables.delete(Http.caller(ctx), env(ctx), ctx.pathParam("id"));
            Http.ok(ctx, SUCCESS);
        });
    }

    private static void files(RoutesConfig routes, Services s) {
        var files = s.contents().files();
        routes.get(ENV + "/files", ctx -> Http.ok(ctx, Map.of("environment_files", files
                .list(Http.caller(ctx), env(ctx)).stream().map(File::of).toList())));
        routes.post(ENV + "/files", ctx -> {
            Bodies.CreateFile in = Http.body(ctx, Bodies.CreateFile.class);
            Http.created(ctx, Map.of("environment_file", File.of(files.create(Http.caller(ctx), env(ctx), in.name(),
                    in.path(), in.content()))));
        });
        routes.patch(ENV + "/files/{id}", ctx -> {
            Bodies.UpdateFile in = Http.body(ctx, Bodies.UpdateFile.class);
            Http.ok(ctx, Map.of("environment_file", File.of(files.update(Http.caller(ctx), env(ctx),
                    ctx.pathParam("id"), in.name(), in.path(), in.content()))));
        });
        routes.delete(ENV + "/files/{id}", ctx -> {
            files.delete(Http.caller(ctx), env(ctx), ctx.pathParam("id"));
            Http.ok(ctx, SUCCESS);
        });
    }

    private static void mcps(RoutesConfig routes, Services s) {
        var mcps = s.contents().mcps();
        routes.get(ENV + "/mcps", ctx -> Http.ok(ctx, Map.of("environment_mcps", mcps
                .list(Http.caller(ctx), env(ctx)).stream().map(Mcp::of).toList())));
        routes.post(ENV + "/mcps", ctx -> {
            Bodies.CreateMcp in = Http.body(ctx, Bodies.CreateMcp.class);
            Http.created(ctx, Map.of("environment_mcp", Mcp.of(mcps.create(Http.caller(ctx), env(ctx), in.name(),
                    in.transport(), WireJson.values(in.config())))));
        });
        routes.patch(ENV + "/mcps/{id}", ctx -> {
            Bodies.UpdateMcp in = Http.body(ctx, Bodies.UpdateMcp.class);
            Http.ok(ctx, Map.of("environment_mcp", Mcp.of(mcps.update(Http.caller(ctx), env(ctx),
                    ctx.pathParam("id"), in.name(), in.transport(), WireJson.values(in.config())))));
        });
        routes.delete(ENV + "/mcps/{id}", ctx -> {
            mcps.delete(Http.caller(ctx), env(ctx), ctx.pathParam("id"));
            Http.ok(ctx, SUCCESS);
        });
    }

    private static void skills(RoutesConfig routes, Services s) {
        var skills = s.contents().skills();
        routes.get("/v1/environment-skills/search", ctx -> Http.ok(ctx, Map.of("skills",
                skills.search(ctx.queryParam("q")).stream().map(SearchSkill::of).toList())));
        routes.get(ENV + "/skills", ctx -> Http.ok(ctx, Map.of("environment_skills", skills
                .list(Http.caller(ctx), env(ctx)).stream().map(Skill::of).toList())));
        routes.post(ENV + "/skills", ctx -> {
            Bodies.EnableSkill in = Http.body(ctx, Bodies.EnableSkill.class);
            Http.created(ctx, Map.of("environment_skill", Skill.of(skills.enable(Http.caller(ctx), env(ctx),
                    in.slug(), in.name(), in.source()))));
        });
        routes.delete(ENV + "/skills/{id}", ctx -> {
            skills.disable(Http.caller(ctx), env(ctx), ctx.pathParam("id"));
            Http.ok(ctx, SUCCESS);
        });
    }

    static String env(io.javalin.http.Context ctx) {
        return ctx.pathParam("environmentId");
    }
}
