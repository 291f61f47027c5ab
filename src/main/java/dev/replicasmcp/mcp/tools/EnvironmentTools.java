package dev.replicasmcp.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.EnvironmentView;
import dev.replicasmcp.mcp.ToolSpec;
import dev.replicasmcp.mcp.Toolsets;
import dev.replicasmcp.domain.environment.UpdateEnvironment;
import java.util.List;
import java.util.Set;

/** Tools to create and read environments. */
public final class EnvironmentTools {

    static final String TOOLSET = Toolsets.ENVIRONMENTS;

    private EnvironmentTools() {
    }

    public record Environments(List<EnvironmentView> environments) {
    }

    public record EnvironmentBody(EnvironmentView environment) {
    }

    public record CreateEnvironment(
            @JsonProperty(required = true) @JsonPropertyDescription("Unique name, e.g. 'backend'") String name,
            @JsonPropertyDescription("What the environment is for") String description,
            @JsonPropertyDescription("Repository to bind (list_repositories); or repository_set_id")
            String repositoryId,
            @JsonPropertyDescription("Repository set to bind (list_repository_sets)")
            String repositorySetId,
            @JsonPropertyDescription("Instructions for the agent in every replica")
            String systemPrompt) {
    }

    public record UpdateEnvironmentInput(
            @JsonProperty(required = true) String environmentId,
            String name,
            String description,
            @JsonPropertyDescription("Bind to this repository (clears repository_set_id)") String repositoryId,
            @JsonPropertyDescription("Bind to this repository set (clears repository_id)") String repositorySetId,
            String systemPrompt,
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
                        "Create an environment (what replicas are created from) bound to a repository or a "
                                + "repository set.",
                        CreateEnvironment.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().create(
                                ctx.caller(), in.name(), in.description(), in.repositoryId(), in.repositorySetId(),
                                in.systemPrompt())))),
                ToolSpec.readOnly("list_environments", "List environments", TOOLSET,
                        "List every environment, the Global one first, with its binding and content counts.",
                        Empty.class, Environments.class,
                        (ctx, in) -> new Environments(ctx.services().environments().list(ctx.caller()).stream()
                                .map(EnvironmentView::of).toList())),
                ToolSpec.mutating("update_environment", "Update an environment", TOOLSET,
                        "Change an environment's name, description, system prompt or binding; only the fields "
                                + "given change. Rebinding makes its warm workspaces stale. Not for the Global "
                                + "environment (change its contents instead).",
                        UpdateEnvironmentInput.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().update(
                                ctx.caller(), in.environmentId(), new UpdateEnvironment(in.name(), in.description(),
                                        in.repositoryId(), in.repositorySetId(), in.systemPrompt(), in.clear()))))),
                ToolSpec.destructive("delete_environment", "Delete an environment", TOOLSET,
                        "Delete an environment with everything in it (variables, files, skills, MCP servers, "
                                + "hooks, warm pool). Refused for Global and while replicas use it.",
                        GetEnvironment.class, Success.class,
                        (ctx, in) -> {
                            ctx.services().environments().delete(ctx.caller(), in.environmentId());
                            return Success.OK;
                        }),
                ToolSpec.readOnly("get_environment", "Get an environment", TOOLSET,
                        "Read one environment: binding, system prompt and content counts.",
                        GetEnvironment.class, EnvironmentBody.class,
                        (ctx, in) -> new EnvironmentBody(EnvironmentView.of(ctx.services().environments().get(
                                ctx.caller(), "environment_id", in.environmentId())))));
    }
}
