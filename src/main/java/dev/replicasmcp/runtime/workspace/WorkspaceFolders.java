package dev.replicasmcp.runtime.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.domain.environment.EnvironmentMcp;
import dev.replicasmcp.domain.environment.EnvironmentSkill;
import dev.replicasmcp.domain.environment.McpConfig;
import dev.replicasmcp.domain.environment.MergedConfig;
import dev.replicasmcp.domain.environment.SkillCatalog;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.workspace.Workspaces;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workspace folders under the data folder: `pool/<id>` while warming, `workspaces/<replica-id>` once a
 * replica has it. A workspace folder is the agent's home (`~`); its repositories are cloned into
 * `~/workspaces/<repo-name>`. MCP servers go to `~/.mcp.json`
 * (Claude Code's format) and skills to `~/.claude/skills/<slug>/`.
 */
public final class WorkspaceFolders implements Workspaces {

    private final Path pool;
    private final Path replicas;
    private final SkillCatalog catalog;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public WorkspaceFolders(Path dataDir, SkillCatalog catalog) {
        this.pool = dataDir.resolve("pool");
        this.replicas = dataDir.resolve("workspaces");
        this.catalog = catalog;
    }

    @Override
    public Path createPool(String poolWorkspaceId) {
        return create(pool.resolve(poolWorkspaceId));
    }

    @Override
    public Path createReplica(String replicaId) {
        return create(replicas.resolve(replicaId));
    }

    @Override
    public Path replicaHome(String replicaId) {
        return replicas.resolve(replicaId);
    }

    @Override
    public Path adopt(Path poolWorkspace, String replicaId) {
        Path target = replicas.resolve(replicaId);
        try {
            OwnerOnly.folder(replicas);
            return Files.move(poolWorkspace, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take over the warm workspace " + poolWorkspace, e);
        }
    }

    @Override
    public void remove(Path workspace) {
        WorkspaceFiles.deleteQuietly(workspace);
    }

    @Override
    public Installed install(Path home, MergedConfig config) {
        WorkspaceFiles.write(home, config.workspaceFiles());
        List<HookRequest.WorkspaceFile> generated = new ArrayList<>();
        if (!config.mcps().isEmpty()) {
            generated.add(new HookRequest.WorkspaceFile("~/.mcp.json", mcpJson(config.mcps())));
        }
        List<String> skills = new ArrayList<>();
        for (EnvironmentSkill skill : config.skills()) {
            Map<String, String> files = catalog.files(skill.slug());
            if (files.isEmpty()) {
                files = Map.of(
                        "SKILL.md",
                        "---\nname: " + skill.slug() + "\ndescription: " + skill.name() + " (from " + skill.source()
                                + "; its files are not available offline)\n---\n");
            }
            files.forEach((path, content) -> generated.add(
                    new HookRequest.WorkspaceFile("~/.claude/skills/" + skill.slug() + "/" + path, content)));
            skills.add(skill.name());
        }
        WorkspaceFiles.write(home, generated);
        return new Installed(
                config.files().stream().map(f -> f.path()).toList(),
                skills,
                config.mcps().stream().map(EnvironmentMcp::name).toList());
    }

    private String mcpJson(List<EnvironmentMcp> mcps) {
        ObjectNode root = json.createObjectNode();
        ObjectNode servers = root.putObject("mcpServers");
        for (EnvironmentMcp mcp : mcps) {
            ObjectNode server = servers.putObject(mcp.name());
            if (mcp.config() instanceof McpConfig.Stdio stdio) {
                server.put("type", "stdio").put("command", stdio.command());
                server.set("args", json.valueToTree(stdio.args()));
                server.set("env", json.valueToTree(stdio.env()));
            } else if (mcp.config() instanceof McpConfig.Http http) {
                server.put("type", mcp.transport().wire()).put("url", http.url());
                server.set("headers", json.valueToTree(http.headers()));
            }
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create(Path folder) {
        try {
            OwnerOnly.folder(folder.getParent());
            return OwnerOnly.folder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the workspace folder " + folder, e);
        }
    }
}
