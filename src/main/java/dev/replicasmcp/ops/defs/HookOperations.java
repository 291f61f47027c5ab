package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.HookViews.HookRecord;
import dev.replicasmcp.api.HookViews.PoolView;
import dev.replicasmcp.api.HookViews.PoolWorkspaceView;
import dev.replicasmcp.api.HookViews.TestResult;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.environment.HookScript;
import dev.replicasmcp.domain.environment.HookService;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** Tools for warm hooks, start hooks and the warm pool of an environment. */
public final class HookOperations {

    static final Toolset HOOKS = Toolset.HOOKS;
    static final Toolset POOLS = Toolset.WARM_POOLS;
    static final String ENV_PATH = "/v1/environments/{environment_id}";
    static final String ENV = VariableFileOperations.ENV;

    private HookOperations() {}

    public record WarmState(
            @Nullable HookRecord warmHook, @Nullable PoolView warmPool) {}

    public record StartHook(@Nullable HookRecord startHook) {}

    public record Script(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("The bash script; an empty string clears the hook")
            String content) {}

    public record TestScript(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("The bash script to run")
            String content,

            @JsonPropertyDescription("Time limit in seconds, 1–900 (default 300)")
            Integer timeoutSeconds) {}

    public record Tested(TestResult test) {}

    public record SavedHook(HookRecord warmHook) {}

    public record SavedAndTested(HookRecord warmHook, TestResult test) {}

    public record SetPool(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true)
            @JsonPropertyDescription("true keeps warm workspaces ready; false stops and " + "expires them")
            Boolean enabled) {}

    public record PoolBody(PoolView warmPool) {}

    public record PoolWorkspacesInput(
            @JsonProperty(required = true)
            @JsonPropertyDescription("The pool's id (warm_pool.id of " + "get_warm_hooks_state)")
            String configId) {}

    public record PoolWorkspaces(List<PoolWorkspaceView> workspaces) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.readOnly(
                                "get_warm_hooks_state",
                                "Get warm hook and pool state",
                                POOLS,
                                "Read an environment's active warm hook (run while pool workspaces are prepared) and its "
                                        + "warm pool with live counts (ready, warming, stale) and the last failure.",
                                VariableFileOperations.EnvironmentRef.class,
                                WarmState.class,
                                (ctx, in) -> new WarmState(
                                        ctx.services()
                                                .contents()
                                                .hooks()
                                                .active(ctx.caller(), in.environmentId(), HookKind.WARM)
                                                .map(HookRecord::of)
                                                .orElse(null),
                                        pool(ctx.services().contents().pool(), ctx, in.environmentId())))
                        .at(Route.get(ENV_PATH + "/warm-hooks")),
                Operation.mutating(
                                "test_warm_hook",
                                "Test a warm hook",
                                HOOKS,
                                "Run a script as the warm hook would run, without saving it: bash in a fresh isolated "
                                        + "workspace with the environment's variables and files. Returns exit code, output "
                                        + "(stdout and stderr), duration and whether it timed out. Sends progress while it runs.",
                                TestScript.class,
                                Tested.class,
                                HookOperations::test)
                        .at(Route.post(ENV_PATH + "/warm-hooks/test")),
                Operation.mutating(
                                "save_warm_hook",
                                "Save a warm hook",
                                HOOKS,
                                "Save a new version of the environment's warm hook; ready pool workspaces become stale and "
                                        + "new ones are warmed with it. Test first with test_warm_hook.",
                                Script.class,
                                SavedHook.class,
                                (ctx, in) -> new SavedHook(HookRecord.of(ctx.services()
                                        .contents()
                                        .hooks()
                                        .save(ctx.caller(), in.environmentId(), HookKind.WARM, in.content()))))
                        .at(Route.post(ENV_PATH + "/warm-hooks/save").created())
                        .audited(Audit.<Script, SavedHook>updated(
                                        "warm_hook",
                                        (in, out) -> out.warmHook().id(),
                                        (ctx, in) -> active(ctx, in.environmentId(), HookKind.WARM))
                                .action("warm_hook.saved")),
                Operation.mutating(
                                "save_and_test_warm_hook",
                                "Save and test a warm hook",
                                HOOKS,
                                "Always save a new warm hook version, then test it and return the result whatever the exit "
                                        + "code (save the previous content again to roll back).",
                                TestScript.class,
                                SavedAndTested.class,
                                HookOperations::saveAndTest)
                        .at(Route.post(ENV_PATH + "/warm-hooks/save-test").created())
                        // The test runs a script for up to its time limit: the entry commits with the save, before it.
                        .audited(Audit.inService("warm_hook.saved", "warm_hook")),
                Operation.readOnly(
                                "get_start_hook",
                                "Get the start hook",
                                HOOKS,
                                "Read an environment's active start hook: the script run in each new workspace when it "
                                        + "boots, before repository start hooks.",
                                VariableFileOperations.EnvironmentRef.class,
                                StartHook.class,
                                (ctx, in) -> new StartHook(active(ctx, in.environmentId(), HookKind.START)))
                        .at(Route.get(ENV_PATH + "/start-hooks")),
                Operation.mutating(
                                "save_start_hook",
                                "Save the start hook",
                                HOOKS,
                                "Save a new version of the environment's start hook (an empty script clears it). It does "
                                        + "not make warm workspaces stale.",
                                Script.class,
                                StartHook.class,
                                (ctx, in) -> new StartHook(shown(ctx.services()
                                        .contents()
                                        .hooks()
                                        .save(ctx.caller(), in.environmentId(), HookKind.START, in.content()))))
                        .at(Route.post(ENV_PATH + "/start-hooks/save").created())
                        .audited(Audit.<Script, StartHook>updated(
                                        "start_hook",
                                        (in, out) -> in.environmentId(),
                                        (ctx, in) -> active(ctx, in.environmentId(), HookKind.START))
                                .action("start_hook.saved")),
                Operation.mutating(
                                "test_start_hook",
                                "Test a start hook",
                                HOOKS,
                                "Run a script as the start hook would run, without saving it, in a fresh isolated "
                                        + "workspace; returns exit code, output, duration and whether it timed out.",
                                TestScript.class,
                                Tested.class,
                                HookOperations::test)
                        .at(Route.post(ENV_PATH + "/start-hooks/test")),
                Operation.mutating(
                                "set_warm_pool",
                                "Turn the warm pool on or off",
                                POOLS,
                                "Enable or disable an environment's warm pool. Enabled, the server keeps workspaces "
                                        + "prepared (warm hook already run) so create_replica can claim one; disabled, "
                                        + "prepared ones expire.",
                                SetPool.class,
                                PoolBody.class,
                                (ctx, in) -> {
                                    WarmPoolService pool =
                                            ctx.services().contents().pool();
                                    var config = pool.setEnabled(ctx.caller(), in.environmentId(), in.enabled());
                                    return new PoolBody(PoolView.of(config, pool.counts(config)));
                                })
                        .at(Route.put(ENV_PATH + "/warm-pools"))
                        .audited(Audit.<SetPool, PoolBody>updated(
                                        "warm_pool",
                                        (in, out) -> out.warmPool().id(),
                                        (ctx, in) ->
                                                pool(ctx.services().contents().pool(), ctx, in.environmentId()))
                                .action((in, out) -> Boolean.TRUE.equals(in.enabled())
                                        ? "warm_pool.enabled"
                                        : "warm_pool.disabled")),
                Operation.readOnly(
                                "list_warm_pool_workspaces",
                                "List warm pool workspaces",
                                POOLS,
                                "List the 10 newest workspaces of a warm pool with their status (warming, ready, stale, "
                                        + "assigned, expired, failed) and error message, to see why a pool is not ready.",
                                PoolWorkspacesInput.class,
                                PoolWorkspaces.class,
                                (ctx, in) -> new PoolWorkspaces(
                                        ctx
                                                .services()
                                                .contents()
                                                .pool()
                                                .workspaces(ctx.caller(), in.configId())
                                                .stream()
                                                .map(PoolWorkspaceView::of)
                                                .toList()))
                        .at(Route.get("/v1/warm-pools/{config_id}/workspaces")));
    }

    /** The active hook of a kind; a cleared (empty) one shows as null, as the API has it. */
    private static HookRecord active(OperationContext ctx, String environmentId, HookKind kind) {
        return ctx.services()
                .contents()
                .hooks()
                .active(ctx.caller(), environmentId, kind)
                .map(HookOperations::shown)
                .orElse(null);
    }

    private static HookRecord shown(HookScript hook) {
        return hook == null || hook.content().isEmpty() ? null : HookRecord.of(hook);
    }

    /** A test run of a script, as either hook would run it; nothing is saved. */
    private static Tested test(OperationContext ctx, TestScript in) {
        return new Tested(TestResult.of(ctx.services()
                .contents()
                .hooks()
                .test(ctx.caller(), in.environmentId(), in.content(), in.timeoutSeconds(), progress(ctx, in))));
    }

    private static SavedAndTested saveAndTest(OperationContext ctx, TestScript in) {
        HookService.SavedAndTested result = ctx.services()
                .contents()
                .hooks()
                .saveAndTest(
                        ctx.caller(),
                        in.environmentId(),
                        HookKind.WARM,
                        in.content(),
                        in.timeoutSeconds(),
                        progress(ctx, in),
                        ctx.changes(HookOperations::shown));
        return new SavedAndTested(HookRecord.of(result.hook()), TestResult.of(result.test()));
    }

    private static PoolView pool(WarmPoolService pool, OperationContext ctx, String environmentId) {
        return pool.config(ctx.caller(), environmentId)
                .map(c -> PoolView.of(c, pool.counts(c)))
                .orElse(null);
    }

    /** Progress in seconds against the time limit, with the output so far. */
    private static HookProgress progress(OperationContext ctx, TestScript in) {
        double total = in.timeoutSeconds() != null
                ? in.timeoutSeconds()
                : ctx.services().contents().hooks().defaultTimeout().toSeconds();
        return (elapsedMs, chars, lastLine) -> ctx.progress()
                .report(
                        elapsedMs / 1000.0,
                        total,
                        "running " + elapsedMs / 1000 + " s, " + chars + " characters of output"
                                + (lastLine.isEmpty() ? "" : "; last line: " + lastLine));
    }
}
