package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.RepositorySetView;
import dev.replicasmcp.api.RepositoryView;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** Tools to register repositories and group them into sets. */
public final class RepositoryOperations {

    static final Toolset TOOLSET = Toolset.REPOSITORIES;

    private RepositoryOperations() {}

    public record Repositories(List<RepositoryView> repositories) {}

    public record RepositorySets(List<RepositorySetView> repositorySets) {}

    public record RepositoryBody(RepositoryView repository) {}

    public record RepositorySetBody(RepositorySetView repositorySet) {}

    public record AddRepository(
            @JsonProperty(required = true)
            @JsonPropertyDescription("Absolute path of a local git repository "
                    + "(working tree or bare), or a git URL (https://, ssh://, git@host:owner/repo)")
            String location,

            @JsonPropertyDescription("Display name; default: the folder name, or owner/repo from the URL")
            String name,

            @JsonPropertyDescription("Branch replicas start from; default: the repository's HEAD branch, else main")
            String defaultBranch) {}

    public record DeleteRepository(
            @JsonProperty(required = true) String repositoryId) {}

    public record CreateRepositorySet(
            @JsonProperty(required = true) String name,
            String description,

            @JsonProperty(required = true) @JsonPropertyDescription("Member repository ids, in order")
            List<String> repositoryIds) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.readOnly(
                                "list_repositories",
                                "List repositories",
                                TOOLSET,
                                "List the git repositories registered with this server.",
                                Empty.class,
                                Repositories.class,
                                (ctx, in) -> new Repositories(ctx.services().repositories().list(ctx.caller()).stream()
                                        .map(RepositoryView::of)
                                        .toList()))
                        .at(Route.get("/v1/replica/repositories")),
                Operation.readOnly(
                                "list_repository_sets",
                                "List repository sets",
                                TOOLSET,
                                "List the named groups of repositories with their members; an environment bound to a set "
                                        + "gives its replicas all of them.",
                                Empty.class,
                                RepositorySets.class,
                                (ctx, in) ->
                                        new RepositorySets(ctx.services().repositories().listSets(ctx.caller()).stream()
                                                .map(RepositorySetView::of)
                                                .toList()))
                        .at(Route.get("/v1/replica/repository-sets")),
                Operation.mutating(
                                "add_repository",
                                "Register a repository",
                                TOOLSET,
                                "Register a git repository so replicas can work on it; then bind an environment to it "
                                        + "(create_environment).",
                                AddRepository.class,
                                RepositoryBody.class,
                                (ctx, in) -> new RepositoryBody(RepositoryView.of(ctx.services()
                                        .repositories()
                                        .add(
                                                ctx.caller(),
                                                in.location(),
                                                in.name(),
                                                in.defaultBranch(),
                                                ctx.changes(RepositoryView::of)))))
                        .at(Route.post("/v1/replica/repositories").created())
                        // Registering inspects the repository with git first (a URL may go over the network): the
                        // entry commits with the row, after git.
                        .audited(Audit.inService("repository.created", "repository")),
                Operation.destructive(
                                "delete_repository",
                                "Unregister a repository",
                                TOOLSET,
                                "Unregister a repository (its files stay). Refused while an environment is bound to it; "
                                        + "replicas keep their copy.",
                                DeleteRepository.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services().repositories().delete(ctx.caller(), in.repositoryId());
                                    return Success.OK;
                                })
                        .at(Route.delete("/v1/replica/repositories/{repository_id}"))
                        .audited(Audit.<DeleteRepository, Success>deleted(
                                "repository",
                                (in, out) -> in.repositoryId(),
                                (ctx, in) -> Listed.find(
                                        ctx.services().repositories().list(ctx.caller()),
                                        r -> r.id(),
                                        in.repositoryId(),
                                        RepositoryView::of))),
                Operation.mutating(
                                "create_repository_set",
                                "Create a repository set",
                                TOOLSET,
                                "Group registered repositories under a name, to bind an environment to all of them.",
                                CreateRepositorySet.class,
                                RepositorySetBody.class,
                                (ctx, in) -> new RepositorySetBody(RepositorySetView.of(ctx.services()
                                        .repositories()
                                        .createSet(ctx.caller(), in.name(), in.description(), in.repositoryIds()))))
                        .at(Route.post("/v1/replica/repository-sets").created())
                        .audited(Audit.created(
                                "repository_set",
                                (in, out) -> out.repositorySet().id())));
    }
}
