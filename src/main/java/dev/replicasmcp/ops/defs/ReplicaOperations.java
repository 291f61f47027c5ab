package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.api.ReplicaDetailsView;
import dev.replicasmcp.api.ReplicaListItem;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.domain.replica.Provisioning;
import dev.replicasmcp.domain.replica.ReplicaPage;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.domain.replica.Source;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The official replica tools: create, list, get, delete. */
public final class ReplicaOperations {

    static final Toolset TOOLSET = Toolset.REPLICAS;

    private ReplicaOperations() {}

    public record CreatedBody(ReplicaListItem replica, WorkspaceInfo workspace) {}

    /** Where the new replica's workspace came from: a ready warm-pool workspace, a stale one, or a cold start. */
    public record WorkspaceInfo(
            @AllowedValues(Provisioning.WarmSource.class) String source, String path) {}

    public record ReplicaDetailsBody(ReplicaDetailsView replica) {}

    public record ReplicaList(List<ReplicaListItem> replicas, int total, int page, int limit, int totalPages) {}

    public record CreateReplicaInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Name without whitespace, e.g. 'fix-auth-bug'")
            String name,

            @JsonProperty(required = true)
            @JsonPropertyDescription("First message for the agent; start it with " + "/plan for plan mode")
            String message,

            @JsonPropertyDescription("Environment to create it from (list_environments)")
            String environmentId,

            @JsonPropertyDescription("Deprecated: uses the first environment bound to one of them")
            List<String> repositoryIds,

            @JsonPropertyDescription("Deprecated: uses the first environment bound to it")
            String repositorySetId,

            @AllowedValues(CodingAgent.class)
            @JsonPropertyDescription("Agent of the first chat; default: the server's default")
            String codingAgent,

            @JsonPropertyDescription("e.g. 'sonnet'") String model,
            List<ImageInput> images,

            @AllowedValues(LifecyclePolicy.class) @JsonPropertyDescription("default: sleep when idle")
            String lifecyclePolicy,

            @AllowedValues(ThinkingLevel.class)
            @JsonPropertyDescription("How hard the agent thinks; ultra is " + "codex-only, ultracode claude-only")
            String thinkingLevel,

            @JsonPropertyDescription("Plan only, change nothing")
            Boolean planMode) {}

    public record ListReplicasInput(
            @JsonPropertyDescription("From 1 (default 1)") Integer page,
            @JsonPropertyDescription("1–100 (default 10)") Integer limit,

            @JsonPropertyDescription("Only those created by this user id")
            String userId,

            @AllowedValues(Source.class) String source,
            @AllowedValues(ReplicaStatus.class) String status) {}

    public record GetReplicaInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId,

            @JsonPropertyDescription("Comma-separated: 'environment' (what was applied), 'diffs' (full diffs)")
            String include) {}

    public record ReplicaIdInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Replica id (UUID)")
            String replicaId) {}

    /** The answer of create_replica under API version 2026-05-17: at once, in status preparing. */
    public record PreparingBody(ReplicaListItem replica) {}

    /**
     * create_replica as REST answers it when the request asks for API version 2026-05-17: the replica at
     * once, its workspace made in the background. Not a tool; same input, same audit entry.
     */
    public static final Operation<CreateReplicaInput, PreparingBody> CREATE_AT_ONCE = Operation.mutating(
                    "create_replica",
                    "Create a replica",
                    TOOLSET,
                    "Create a replica; its workspace is made in the background.",
                    CreateReplicaInput.class,
                    PreparingBody.class,
                    (ctx, in) -> new PreparingBody(ReplicaListItem.of(ctx.services()
                            .replicas()
                            .createInBackground(ctx.caller(), command(in), ctx.changes(ReplicaListItem::of)))))
            .at(Route.post("/v1/replica").created())
            .audited(Audit.inService("replica.created", "replica"));

    /** list_replicas: also named on its own, as the stdio server's first-call warm-up prepares it. */
    public static final Operation<ListReplicasInput, ReplicaList> LIST = Operation.readOnly(
                    "list_replicas",
                    "List replicas",
                    TOOLSET,
                    "List replicas, newest first, with status, repositories and pull requests.",
                    ListReplicasInput.class,
                    ReplicaList.class,
                    (ctx, in) -> list(ctx.services()
                            .replicas()
                            .list(ctx.caller(), in.page(), in.limit(), in.userId(), in.source(), in.status())))
            .at(Route.get("/v1/replica"));

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.mutating(
                                "create_replica",
                                "Create a replica",
                                TOOLSET,
                                "Create a replica (a workspace where a coding agent works on an environment's "
                                        + "repositories) with a first message. Returns at once; the agent answers in the "
                                        + "background (read_replica_history).",
                                CreateReplicaInput.class,
                                CreatedBody.class,
                                ReplicaOperations::create)
                        .at(Route.post("/v1/replica").created())
                        // Provisioning clones and runs hooks: the entry commits with the replica's row, before them.
                        .audited(Audit.inService("replica.created", "replica")),
                LIST,
                Operation.readOnly(
                                "get_replica",
                                "Get a replica",
                                TOOLSET,
                                "Read one replica: status, agent, chats and each repository's branch and diff. A sleeping "
                                        + "replica is woken.",
                                GetReplicaInput.class,
                                ReplicaDetailsBody.class,
                                (ctx, in) -> {
                                    Set<String> include = includes(in.include());
                                    return new ReplicaDetailsBody(ReplicaDetailsView.of(
                                            ctx.services().replicas().get(ctx.caller(), in.replicaId(), include),
                                            include.contains("diffs")));
                                })
                        .at(Route.get("/v1/replica/{replica_id}")),
                Operation.destructive(
                                "delete_replica",
                                "Delete a replica",
                                TOOLSET,
                                "Delete a replica: stops its agent, drops queued messages, removes its chats and history.",
                                ReplicaIdInput.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .replicas()
                                            .delete(ctx.caller(), in.replicaId(), ctx.changes(ReplicaListItem::of));
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/replica/{replica_id}"))
                        // Deleting stops the agent and its processes first: the entry commits with the row's
                        // deletion, after them.
                        .audited(Audit.inService("replica.deleted", "replica")));
    }

    private static CreatedBody create(OperationContext ctx, CreateReplicaInput in) {
        ReplicaService.Created created =
                ctx.services().replicas().create(ctx.caller(), command(in), ctx.changes(ReplicaListItem::of));
        return new CreatedBody(
                ReplicaListItem.of(created.replica()),
                new WorkspaceInfo(
                        created.provisioning().warmSource().wire(),
                        created.provisioning().workspacePath()));
    }

    private static CreateReplica command(CreateReplicaInput in) {
        return new CreateReplica(
                in.name(),
                in.message(),
                in.environmentId(),
                in.repositoryIds(),
                in.repositorySetId(),
                in.codingAgent(),
                in.model(),
                ImageInput.toImages(in.images()),
                in.lifecyclePolicy(),
                in.thinkingLevel(),
                in.planMode());
    }

    private static ReplicaList list(ReplicaPage page) {
        return new ReplicaList(
                page.replicas().stream().map(ReplicaListItem::of).toList(),
                page.total(),
                page.page(),
                page.limit(),
                page.totalPages());
    }

    static Set<String> includes(String include) {
        if (include == null || include.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(include.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
