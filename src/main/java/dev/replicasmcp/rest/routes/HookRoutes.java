package dev.replicasmcp.rest.routes;

import dev.replicasmcp.api.HookViews.HookRecord;
import dev.replicasmcp.api.HookViews.PoolView;
import dev.replicasmcp.api.HookViews.PoolWorkspaceView;
import dev.replicasmcp.api.HookViews.TestResult;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.environment.HookScript;
import dev.replicasmcp.domain.environment.HookService;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.pool.WarmPoolConfig;
import dev.replicasmcp.domain.pool.WarmPoolService;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Warm hooks, start hooks and warm pools of an environment (spec §4.3), as the OpenAPI has them. */
public final class HookRoutes {

    private static final String ENV = EnvironmentContentRoutes.ENV;
    private static final HookProgress NO_PROGRESS = (elapsedMs, chars, lastLine) -> { };

    private HookRoutes() {
    }

    record WarmState(@Nullable HookRecord warmHook, @Nullable PoolView warmPool) {
    }

    record StartState(@Nullable HookRecord startHook) {
    }

    record SavedAndTested(HookRecord warmHook, TestResult test) {
    }

    public static void register(RoutesConfig routes, Services s) {
        HookService hooks = s.contents().hooks();
        WarmPoolService pool = s.contents().pool();
        routes.get(ENV + "/warm-hooks", ctx -> Http.ok(ctx, new WarmState(
                hooks.active(Http.caller(ctx), env(ctx), HookKind.WARM).map(HookRecord::of).orElse(null),
                pool.config(Http.caller(ctx), env(ctx)).map(c -> PoolView.of(c, pool.counts(c))).orElse(null))));
        routes.post(ENV + "/warm-hooks/save", ctx -> {
            Bodies.Script in = Http.body(ctx, Bodies.Script.class);
            Http.created(ctx, Map.of("warm_hook", HookRecord.of(hooks.save(Http.caller(ctx), env(ctx), HookKind.WARM,
                    in.content()))));
        });
        routes.post(ENV + "/warm-hooks/save-test", ctx -> {
            Bodies.Script in = Http.body(ctx, Bodies.Script.class);
            HookService.SavedAndTested result = hooks.saveAndTest(Http.caller(ctx), env(ctx), HookKind.WARM,
                    in.content(), in.timeoutSeconds(), NO_PROGRESS);
            Http.created(ctx, new SavedAndTested(HookRecord.of(result.hook()), TestResult.of(result.test())));
        });
        routes.post(ENV + "/warm-hooks/test", ctx -> test(ctx, hooks));
        routes.get(ENV + "/start-hooks", ctx -> Http.ok(ctx, startState(
                hooks.active(Http.caller(ctx), env(ctx), HookKind.START).orElse(null))));
        routes.post(ENV + "/start-hooks/save", ctx -> {
            Bodies.Script in = Http.body(ctx, Bodies.Script.class);
            Http.created(ctx, startState(hooks.save(Http.caller(ctx), env(ctx), HookKind.START, in.content())));
        });
        routes.post(ENV + "/start-hooks/test", ctx -> test(ctx, hooks));
        routes.put(ENV + "/warm-pools", ctx -> {
            Bodies.Pool in = Http.body(ctx, Bodies.Pool.class);
            WarmPoolConfig config = pool.setEnabled(Http.caller(ctx), env(ctx), in.enabled());
            Http.ok(ctx, Map.of("warm_pool", PoolView.of(config, pool.counts(config))));
        });
        routes.get("/v1/warm-pools/{configId}/workspaces", ctx -> Http.ok(ctx, Map.of("workspaces",
                pool.workspaces(Http.caller(ctx), ctx.pathParam("configId")).stream().map(PoolWorkspaceView::of)
                        .toList())));
    }

    /** An empty start hook is a cleared one, which the API shows as null. */
    private static StartState startState(HookScript hook) {
        return new StartState(hook == null || hook.content().isEmpty() ? null : HookRecord.of(hook));
    }

    private static void test(io.javalin.http.Context ctx, HookService hooks) {
        Bodies.Script in = Http.body(ctx, Bodies.Script.class);
        Http.ok(ctx, Map.of("test", TestResult.of(hooks.test(Http.caller(ctx), env(ctx), in.content(),
                in.timeoutSeconds(), NO_PROGRESS))));
    }

    private static String env(io.javalin.http.Context ctx) {
        return EnvironmentContentRoutes.env(ctx);
    }
}
