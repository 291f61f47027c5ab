package dev.replicasmcp.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.RepositorySetView;
import dev.replicasmcp.api.RepositoryView;
import dev.replicasmcp.mcp.ToolSpec;
import java.util.List;

/** Tools to register repositories and group them into sets. */
public final class RepositoryTools {

    static final String TOOLSET = "repositories";

    private RepositoryTools() {
    }

    public record Repositories(List<RepositoryView> repositories) {
    }

    public record RepositorySets(List<RepositorySetView> repositorySets) {
    }

    public record RepositoryBody(RepositoryView repository) {
    }

    public record RepositorySetBody(RepositorySetView repositorySet) {
    }

    public record AddRepository(
            @JsonProperty(required = true) @JsonPropertyDescription("Absolute path of a local git repository "
                    + "(working tree or bare), or a git URL (https://, ssh://, git@host:owner/repo)") String location,
            @JsonPropertyDescription("Display name; default: the folder name, or owner/repo from the URL") String name,
            @JsonPropertyDescription("Branch replicas start from; default: the repository's HEAD branch, else main")
            String defaultBranch) {
    }

    public record DeleteRepository(
            @JsonProperty(required = true) @JsonPropertyDescription("Id from list_repositories") String repositoryId) {
    }

    public record CreateRepositorySet(
            @JsonProperty(required = true) @JsonPropertyDescription("Unique name of the set") String name,
            @JsonPropertyDescription("What the set is for") String description,
            @JsonProperty(required = true) @JsonPropertyDescription("Ids of the member repositories, in order")
            List<String> repositoryIds) {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(
                ToolSpec.readOnly("list_repositories", "List repositories", TOOLSET,
                        "List every git repository registered with this server (id, name, url, default_branch). "
                                + "Use the ids with create_environment (repository_id) or create_repository_set. "
                                + "Empty? Register one with add_repository.",
                        Empty.class, Repositories.class,
                        (ctx, in) -> new Repositories(ctx.services().repositories().list(ctx.caller()).stream()
                                .map(RepositoryView::of).toList())),
                ToolSpec.readOnly("list_repository_sets", "List repository sets", TOOLSET,
                        "List the named groups of repositories, each with its member repositories. Bind an "
                                + "environment to a set (create_environment with repository_set_id) to give its "
                                + "replicas several repositories.",
                        Empty.class, RepositorySets.class,
                        (ctx, in) -> new RepositorySets(ctx.services().repositories().listSets(ctx.caller())
                                .stream().map(RepositorySetView::of).toList())),
                ToolSpec.mutating("add_repository", "Register a repository", TOOLSET,
                        "Register a local git repository (absolute path) or a git URL so replicas can work on "
                                + "it. Returns the repository; next, call create_environment with its id as "
                                + "repository_id.",
                        AddRepository.class, RepositoryBody.class,
                        (ctx, in) -> new RepositoryBody(RepositoryView.of(ctx.services().repositories()
                                .add(ctx.caller(), in.location(), in.name(), in.defaultBranch())))),
                ToolSpec.destructive("delete_repository", "Unregister a repository", TOOLSET,
                        "Unregister a repository (the files on disk are untouched). Refused while an "
                                + "environment is bound to it; existing replicas keep their copy.",
                        DeleteRepository.class, Success.class,
                        (ctx, in) -> {
                            ctx.services().repositories().delete(ctx.caller(), in.repositoryId());
                            return Success.OK;
                        }),
                ToolSpec.mutating("create_repository_set", "Create a repository set", TOOLSET,
                        "Group registered repositories under a name. Returns the set; bind an environment to it "
                                + "with create_environment (repository_set_id).",
                        CreateRepositorySet.class, RepositorySetBody.class,
                        (ctx, in) -> new RepositorySetBody(RepositorySetView.of(ctx.services().repositories()
                                .createSet(ctx.caller(), in.name(), in.description(), in.repositoryIds())))));
    }
}
