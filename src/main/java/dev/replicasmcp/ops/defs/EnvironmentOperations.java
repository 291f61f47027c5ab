package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.EnvironmentView;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Tools to create and read environments. */
public final class EnvironmentOperations {

    static final Toolset TOOLSET = Toolset.ENVIRONMENTS;

    private EnvironmentOperations() {}

    public record Environments(List<EnvironmentView> environments) {}

    public record EnvironmentBody(EnvironmentView environment) {}

    public record CreateEnvironment(
            @JsonProperty(required = true) @JsonPropertyDescription("Unique name, e.g. 'backend'")
            String name,

            @JsonPropertyDescription("What the environment is for")
            String description,

            @JsonPropertyDescription("Repository to bind (list_repositories); or repository_set_id")
            String repositoryId,

            @JsonPropertyDescription("Repository set to bind (list_repository_sets)")
            String repositorySetId,

            @JsonPropertyDescription("Instructions for the agent in every replica")
            String systemPrompt) {}

    public record UpdateEnvironmentInput(
            @JsonProperty(required = true) String environmentId,
            String name,
            String description,

            @JsonPropertyDescription("Bind to this repository (clears repository_set_id)")
            String repositoryId,

            @JsonPropertyDescription("Bind to this repository set (clears repository_id)")
            String repositorySetId,

            String systemPrompt,

            @JsonPropertyDescription(
                    "Fields to set to null: description, repository_id, repository_set_id, " + "system_prompt")
            Set<String> clear) {}

    public record GetEnvironment(
            @JsonProperty(required = true) @JsonPropertyDescription("Environment id (UUID), or 'global'")
            String environmentId) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.mutating(
                                "create_environment",
                                "Create an environment",
                                TOOLSET,
                                "Create an environment (what replicas are created from) bound to a repository or a "
                                        + "repository set.",
                                CreateEnvironment.class,
                                EnvironmentBody.class,
                                (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services()
                                        .environments()
                                        .create(
                                                ctx.caller(),
                                                in.name(),
                                                in.description(),
                                                in.repositoryId(),
                                                in.repositorySetId(),
                                                in.systemPrompt()))))
                        .at(Route.post("/v1/environments").created())
                        .audited(Audit.created(
                                "environment", (in, out) -> out.environment().id())),
                Operation.readOnly(
                                "list_environments",
                                "List environments",
                                TOOLSET,
                                "List every environment, the Global one first, with its binding and content counts.",
                                Empty.class,
                                Environments.class,
                                (ctx, in) -> new Environments(ctx.services().environments().list(ctx.caller()).stream()
                                        .map(EnvironmentView::of)
                                        .toList()))
                        .at(Route.get("/v1/environments")),
                Operation.mutating(
                                "update_environment",
                                "Update an environment",
                                TOOLSET,
                                "Change an environment's name, description, system prompt or binding; only the fields "
                                        + "given change. Rebinding makes its warm workspaces stale. Not for the Global "
                                        + "environment (change its contents instead).",
                                UpdateEnvironmentInput.class,
                                EnvironmentBody.class,
                                (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services()
                                        .environments()
                                        .update(
                                                ctx.caller(),
                                                in.environmentId(),
                                                new UpdateEnvironment(
                                                        in.name(),
                                                        in.description(),
                                                        in.repositoryId(),
                                                        in.repositorySetId(),
                                                        in.systemPrompt(),
                                                        in.clear())))))
                        .at(Route.patch("/v1/environments/{environment_id}").body(EnvironmentOperations::nullsClear))
                        .audited(Audit.updated(
                                "environment",
                                (in, out) -> out.environment().id(),
                                (ctx, in) -> environment(ctx, in.environmentId()))),
                Operation.destructive(
                                "delete_environment",
                                "Delete an environment",
                                TOOLSET,
                                "Delete an environment with everything in it (variables, files, skills, MCP servers, "
                                        + "hooks, warm pool). Refused for Global and while replicas or automations use it.",
                                GetEnvironment.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services().environments().delete(ctx.caller(), in.environmentId());
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/environments/{environment_id}"))
                        .audited(Audit.<GetEnvironment, Success>deleted(
                                "environment",
                                (in, out) -> in.environmentId(),
                                (ctx, in) -> environment(ctx, in.environmentId()))),
                Operation.readOnly(
                                "get_environment",
                                "Get an environment",
                                TOOLSET,
                                "Read one environment: binding, system prompt and content counts.",
                                GetEnvironment.class,
                                EnvironmentBody.class,
                                (ctx, in) -> new EnvironmentBody(environment(ctx, in.environmentId())))
                        .at(Route.get("/v1/environments/{environment_id}")));
    }

    static EnvironmentView environment(OperationContext ctx, String environmentId) {
        return EnvironmentView.of(ctx.services().environments().get(ctx.caller(), "environment_id", environmentId));
    }

    /**
     * The REST form of update_environment: a field sent as JSON null clears it (the tool lists such fields
     * in 'clear'); a field left out stays as it is.
     */
    static Map<String, Object> nullsClear(Map<String, Object> body) {
        Set<String> clear = new TreeSet<>();
        body.forEach((field, value) -> {
            if (value != null) {
                return;
            }
            if (UpdateEnvironment.CLEARABLE.contains(field)) {
                clear.add(field);
            } else if (field.equals("name")) {
                throw DomainException.invalid("Field 'name' cannot be null: give a new name, or leave it out. "
                        + "Nullable fields: " + String.join(", ", new TreeSet<>(UpdateEnvironment.CLEARABLE)) + ".");
            }
        });
        if (clear.isEmpty()) {
            return body;
        }
        Map<String, Object> reshaped = new LinkedHashMap<>(body);
        clear.forEach(reshaped::remove);
        reshaped.put("clear", List.copyOf(clear));
        return reshaped;
    }
}
