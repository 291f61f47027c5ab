package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.EnvironmentContentViews.File;
import dev.replicasmcp.api.EnvironmentContentViews.Variable;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** Tools for an environment's variables (secrets) and files. */
public final class VariableFileOperations {

    static final Toolset TOOLSET = Toolset.ENVIRONMENT_CONTENTS;
    static final String VARIABLES = "/v1/environments/{environment_id}/variables";
    static final String FILES = "/v1/environments/{environment_id}/files";
    static final String VARIABLE = "environment_variable";
    static final String FILE = "environment_file";
    static final String ENV = "Environment id (UUID), or 'global' for the Global environment";

    private VariableFileOperations() {}

    public record EnvironmentRef(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId) {}

    public record Variables(List<Variable> environmentVariables) {}

    public record VariableBody(Variable environmentVariable) {}

    public record CreateVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("Shell variable name, e.g. DATABASE_URL")
            String key,

            @JsonProperty(required = true) @JsonPropertyDescription("The value (stored encrypted)")
            String value) {}

    public record UpdateVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("Variable id")
            String variableId,

            @JsonPropertyDescription("New name") String key,
            @JsonPropertyDescription("New value") String value) {}

    public record DeleteVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("Variable id")
            String variableId) {}

    public record Files(List<File> environmentFiles) {}

    public record FileBody(File environmentFile) {}

    public record CreateFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("Label, e.g. 'npm credentials'")
            String name,

            @JsonProperty(required = true)
            @JsonPropertyDescription(
                    "Destination under the workspace home, e.g. " + "'~/.npmrc' or '~/workspaces/app/.env'")
            String path,

            @JsonProperty(required = true) @JsonPropertyDescription("Content, at most 65,536 bytes (stored encrypted)")
            String content) {}

    public record UpdateFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("File id")
            String fileId,

            String name,
            String path,
            String content) {}

    public record DeleteFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("File id")
            String fileId) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.readOnly(
                                "list_environment_variables",
                                "List environment variables",
                                TOOLSET,
                                "List an environment's variables with their values (decrypted). They are exported to "
                                        + "hooks and agents in its workspaces, over Global's.",
                                EnvironmentRef.class,
                                Variables.class,
                                (ctx, in) ->
                                        new Variables(ctx
                                                .services()
                                                .contents()
                                                .variables()
                                                .list(ctx.caller(), in.environmentId())
                                                .stream()
                                                .map(Variable::of)
                                                .toList()))
                        .at(Route.get(VARIABLES)),
                Operation.mutating(
                                "create_environment_variable",
                                "Add an environment variable",
                                TOOLSET,
                                "Add a variable (secret) to an environment; the key is unique per environment. Values are "
                                        + "encrypted at rest. Makes its warm workspaces stale.",
                                CreateVariable.class,
                                VariableBody.class,
                                (ctx, in) -> new VariableBody(Variable.of(ctx.services()
                                        .contents()
                                        .variables()
                                        .create(ctx.caller(), in.environmentId(), in.key(), in.value()))))
                        .at(Route.post(VARIABLES).created())
                        .audited(Audit.created(
                                VARIABLE, (in, out) -> out.environmentVariable().id())),
                Operation.mutating(
                                "update_environment_variable",
                                "Change an environment variable",
                                TOOLSET,
                                "Rename a variable or change its value; only the fields given change.",
                                UpdateVariable.class,
                                VariableBody.class,
                                (ctx, in) -> new VariableBody(Variable.of(ctx.services()
                                        .contents()
                                        .variables()
                                        .update(
                                                ctx.caller(),
                                                in.environmentId(),
                                                in.variableId(),
                                                in.key(),
                                                in.value()))))
                        .at(Route.patch(VARIABLES + "/{variable_id}"))
                        .audited(Audit.updated(
                                VARIABLE,
                                (in, out) -> in.variableId(),
                                (ctx, in) -> variable(ctx, in.environmentId(), in.variableId()))),
                Operation.destructive(
                                "delete_environment_variable",
                                "Delete an environment variable",
                                TOOLSET,
                                "Delete a variable from an environment; new workspaces no longer get it.",
                                DeleteVariable.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .contents()
                                            .variables()
                                            .delete(ctx.caller(), in.environmentId(), in.variableId());
                                    return Success.OK;
                                })
                        .at(Route.delete(VARIABLES + "/{variable_id}"))
                        .audited(Audit.<DeleteVariable, Success>deleted(
                                VARIABLE,
                                (in, out) -> in.variableId(),
                                (ctx, in) -> variable(ctx, in.environmentId(), in.variableId()))),
                Operation.readOnly(
                                "list_environment_files",
                                "List environment files",
                                TOOLSET,
                                "List the files an environment writes into its workspaces, with their content.",
                                EnvironmentRef.class,
                                Files.class,
                                (ctx, in) -> new Files(
                                        ctx
                                                .services()
                                                .contents()
                                                .files()
                                                .list(ctx.caller(), in.environmentId())
                                                .stream()
                                                .map(File::of)
                                                .toList()))
                        .at(Route.get(FILES)),
                Operation.mutating(
                                "create_environment_file",
                                "Add an environment file",
                                TOOLSET,
                                "Add a file written into every workspace of the environment at a path under '~/' "
                                        + "(64 KB at most; stored encrypted). Makes its warm workspaces stale.",
                                CreateFile.class,
                                FileBody.class,
                                (ctx, in) -> new FileBody(File.of(ctx.services()
                                        .contents()
                                        .files()
                                        .create(ctx.caller(), in.environmentId(), in.name(), in.path(), in.content()))))
                        .at(Route.post(FILES).created())
                        .audited(Audit.<CreateFile, FileBody>created(
                                        FILE, (in, out) -> out.environmentFile().id())
                                .secret("content")),
                Operation.mutating(
                                "update_environment_file",
                                "Change an environment file",
                                TOOLSET,
                                "Change a file's name, path or content; only the fields given change.",
                                UpdateFile.class,
                                FileBody.class,
                                (ctx, in) -> new FileBody(File.of(ctx.services()
                                        .contents()
                                        .files()
                                        .update(
                                                ctx.caller(),
                                                in.environmentId(),
                                                in.fileId(),
                                                in.name(),
                                                in.path(),
                                                in.content()))))
                        .at(Route.patch(FILES + "/{file_id}"))
                        .audited(Audit.<UpdateFile, FileBody>updated(
                                        FILE,
                                        (in, out) -> in.fileId(),
                                        (ctx, in) -> file(ctx, in.environmentId(), in.fileId()))
                                .secret("content")),
                Operation.destructive(
                                "delete_environment_file",
                                "Delete an environment file",
                                TOOLSET,
                                "Delete a file from an environment; new workspaces no longer get it.",
                                DeleteFile.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .contents()
                                            .files()
                                            .delete(ctx.caller(), in.environmentId(), in.fileId());
                                    return Success.OK;
                                })
                        .at(Route.delete(FILES + "/{file_id}"))
                        .audited(Audit.<DeleteFile, Success>deleted(
                                        FILE,
                                        (in, out) -> in.fileId(),
                                        (ctx, in) -> file(ctx, in.environmentId(), in.fileId()))
                                .secret("content")));
    }

    private static Variable variable(OperationContext ctx, String environmentId, String id) {
        return Listed.find(
                ctx.services().contents().variables().list(ctx.caller(), environmentId), v -> v.id(), id, Variable::of);
    }

    private static File file(OperationContext ctx, String environmentId, String id) {
        return Listed.find(
                ctx.services().contents().files().list(ctx.caller(), environmentId), f -> f.id(), id, File::of);
    }
}
