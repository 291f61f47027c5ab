package dev.replicasmcp.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.EnvironmentView;
import dev.replicasmcp.mcp.ToolSpec;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import java.util.List;
import java.util.Set;

/** Tools to create and read environments. */
public final class EnvironmentTools {

    static final String TOOLSET = "environments";

    private EnvironmentTools() {
    }

    public record Environments(List<EnvironmentView> environments) {
    }

    public record EnvironmentBody(EnvironmentView environment) {
    }

    public record CreateEnvironment(
            @JsonProperty(required = true) @JsonPropertyDescription("Unique name, e.g. 'backend'") String name,
            @JsonPropertyDescription("What the environment is for") String description,
            @JsonPropertyDescription("Repository to bind (from list_repositories); exclusive with repository_set_id")
            String repositoryId,
            @JsonPropertyDescription("Repository set to bind (from list_repository_sets); exclusive with repository_id")
            String repositorySetId,
            @JsonPropertyDescription("Instructions added for the agent in every replica of this environment")
            String systemPrompt) {
    }

    public record UpdateEnvironmentInput(
            @JsonProperty(required = true) @JsonPropertyDescription("Environment id (UUID)") String environmentId,
            @JsonPropertyDescription("New unique name") String name,
            @JsonPropertyDescription("New description") String description,
            @JsonPropertyDescription("Bind to this repository (clears repository_set_id)") String repositoryId,
            @JsonPropertyDescription("Bind to this repository set (clears repository_id)") String repositorySetId,
            @JsonPropertyDescription("New system prompt for the agents") String systemPrompt,
            @JsonPropertyDescription("Fields to set to null: description, repository_id, repository_set_id, "
                    + "system_prompt") Set<String> clear) {
    }

    public record GetEnvironment(
            @JsonProperty(required = true) @JsonPropertyDescription("Environment id (UUID), or 'global'")
            String environmentId) {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(
                ToolSpec.mutating("create_environment", "Create an environment", TOOLSET,
                        "Create an environment bound to one repository (repository_id) or one repository set "
                                + "(repository_set_id). Replicas are created from environments: pass the returned "
                                + "id to create_replica as environment_id.",
                        CreateEnvironment.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().create(
                                ctx.caller(), in.name(), in.description(), in.repositoryId(), in.repositorySetId(),
                                in.systemPrompt())))),
                ToolSpec.readOnly("list_environments", "List environments", TOOLSET,
                        "List every environment, the Global one first, with its repository binding and the "
                                + "counts of variables, files, skills and MCP servers. Use an id as environment_id "
                                + "in create_replica.",
                        Empty.class, Environments.class,
                        (ctx, in) -> new Environments(ctx.services().environments().list(ctx.caller()).stream()
                                .map(EnvironmentView::of).toList())),
                ToolSpec.mutating("update_environment", "Update an environment", TOOLSET,
                        "Change an environment's name, description, system prompt or repository binding; only the "
                                + "fields given change, and 'clear' sets fields to null. Rebinding makes its warm "
                                + "workspaces stale. The Global environment cannot be edited this way: change its "
                                + "variables, files, skills, MCP servers and hooks instead.",
                        UpdateEnvironmentInput.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().update(
                                ctx.caller(), in.environmentId(), new UpdateEnvironment(in.name(), in.description(),
                                        in.repositoryId(), in.repositorySetId(), in.systemPrompt(), in.clear()))))),
                ToolSpec.destructive("delete_environment", "Delete an environment", TOOLSET,
                        "Delete an environment with its variables, files, skills, MCP servers, hooks and warm pool. "
                                + "Refused for the Global environment and while replicas still use it (the error "
                                + "names them).",
                        GetEnvironment.class, Success.class,
                        (ctx, in) -> {
                            ctx.services().environments().delete(ctx.caller(), in.environmentId());
                            return Success.OK;
                        }),
                ToolSpec.readOnly("get_environment", "Get an environment", TOOLSET,
                        "Read one environment by id, or the Global environment with environment_id='global'.",
                        GetEnvironment.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().get(
                                ctx.caller(), "environment_id", in.environmentId())))));
    }
}
