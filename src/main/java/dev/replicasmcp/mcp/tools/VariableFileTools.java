package dev.replicasmcp.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.EnvironmentContentViews.File;
import dev.replicasmcp.api.EnvironmentContentViews.Variable;
import dev.replicasmcp.mcp.ToolSpec;
import dev.replicasmcp.mcp.Toolsets;
import java.util.List;

/** Tools for an environment's variables (secrets) and files. */
public final class VariableFileTools {

    static final String TOOLSET = Toolsets.ENVIRONMENT_CONTENTS;
    static final String ENV = "Environment id (UUID), or 'global' for the Global environment";

    private VariableFileTools() {
    }

    public record EnvironmentRef(@JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId) {
    }

    public record Variables(List<Variable> environmentVariables) {
    }

    public record VariableBody(Variable environmentVariable) {
    }

    public record CreateVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("Shell variable name, e.g. DATABASE_URL") String key,
            @JsonProperty(required = true) @JsonPropertyDescription("The value (stored encrypted)") String value) {
    }

    public record UpdateVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("Variable id") String variableId,
            @JsonPropertyDescription("New name") String key,
            @JsonPropertyDescription("New value") String value) {
    }

    public record DeleteVariable(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("Variable id") String variableId) {
    }

    public record Files(List<File> environmentFiles) {
    }

    public record FileBody(File environmentFile) {
    }

    public record CreateFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("Label, e.g. 'npm credentials'") String name,
            @JsonProperty(required = true) @JsonPropertyDescription("Destination under the workspace home, e.g. "
                    + "'~/.npmrc' or '~/workspaces/app/.env'") String path,
            @JsonProperty(required = true) @JsonPropertyDescription("Content, at most 65,536 bytes (stored encrypted)")
            String content) {
    }

    public record UpdateFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("File id") String fileId,
            String name, String path, String content) {
    }

    public record DeleteFile(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV) String environmentId,
            @JsonProperty(required = true) @JsonPropertyDescription("File id") String fileId) {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(
                ToolSpec.readOnly("list_environment_variables", "List environment variables", TOOLSET,
                        "List an environment's variables with their values (decrypted). They are exported to "
                                + "hooks and agents in its workspaces, over Global's.",
                        EnvironmentRef.class, Variables.class,
                        (ctx, in) -> new Variables(ctx.services().contents().variables()
                                .list(ctx.caller(), in.environmentId()).stream().map(Variable::of).toList())),
                ToolSpec.mutating("create_environment_variable", "Add an environment variable", TOOLSET,
                        "Add a variable (secret) to an environment; the key is unique per environment. Values are "
                                + "encrypted at rest. Makes its warm workspaces stale.",
                        CreateVariable.class, VariableBody.class,
                        (ctx, in) -> new VariableBody(Variable.of(ctx.services().contents().variables()
                                .create(ctx.caller(), in.environmentId(), in.key(), in.value())))),
                ToolSpec.mutating("update_environment_variable", "Change an environment variable", TOOLSET,
                        "Rename a variable or change its value; only the fields given change.",
                        UpdateVariable.class, VariableBody.class,
                        (ctx, in) -> new VariableBody(Variable.of(ctx.services().contents().variables().update(
                                ctx.caller(), in.environmentId(), in.variableId(), in.key(), in.value())))),
                ToolSpec.destructive("delete_environment_variable", "Delete an environment variable", TOOLSET,
                        "Delete a variable from an environment; new workspaces no longer get it.",
                        DeleteVariable.class, Success.class,
                        (ctx, in) -> {
                            ctx.services().contents().variables().delete(ctx.caller(), in.environmentId(),
                                    in.variableId());
                            return Success.OK;
                        }),
                ToolSpec.readOnly("list_environment_files", "List environment files", TOOLSET,
                        "List the files an environment writes into its workspaces, with their content.",
                        EnvironmentRef.class, Files.class,
                        (ctx, in) -> new Files(ctx.services().contents().files().list(ctx.caller(), in.environmentId())
                                .stream().map(File::of).toList())),
                ToolSpec.mutating("create_environment_file", "Add an environment file", TOOLSET,
                        "Add a file written into every workspace of the environment at a path under '~/' "
                                + "(64 KB at most; stored encrypted). Makes its warm workspaces stale.",
                        CreateFile.class, FileBody.class,
                        (ctx, in) -> new FileBody(File.of(ctx.services().contents().files().create(ctx.caller(),
                                in.environmentId(), in.name(), in.path(), in.content())))),
                ToolSpec.mutating("update_environment_file", "Change an environment file", TOOLSET,
                        "Change a file's name, path or content; only the fields given change.",
                        UpdateFile.class, FileBody.class,
                        (ctx, in) -> new FileBody(File.of(ctx.services().contents().files().update(ctx.caller(),
                                in.environmentId(), in.fileId(), in.name(), in.path(), in.content())))),
                ToolSpec.destructive("delete_environment_file", "Delete an environment file", TOOLSET,
                        "Delete a file from an environment; new workspaces no longer get it.",
                        DeleteFile.class, Success.class,
                        (ctx, in) -> {
                            ctx.services().contents().files().delete(ctx.caller(), in.environmentId(), in.fileId());
                            return Success.OK;
                        }));
    }
}
