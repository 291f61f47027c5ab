package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.api.EnvironmentContentViews.Mcp;
import dev.replicasmcp.api.EnvironmentContentViews.SearchSkill;
import dev.replicasmcp.api.EnvironmentContentViews.Skill;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.environment.McpTransport;
import dev.replicasmcp.ops.Audit;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** Tools for an environment's MCP servers and skills, and the local skill catalog. */
public final class McpSkillOperations {

    static final Toolset MCPS = Toolset.ENVIRONMENT_CONTENTS;
    static final Toolset SKILLS = Toolset.SKILLS;
    static final String MCP_PATH = "/v1/environments/{environment_id}/mcps";
    static final String SKILL_PATH = "/v1/environments/{environment_id}/skills";
    static final String MCP = "environment_mcp";
    static final String SKILL = "environment_skill";
    static final String ENV = VariableFileOperations.ENV;
    static final String CONFIG = "For stdio: {\"command\": \"npx\", \"args\": [...], \"env\": {...}}; for http or sse: "
            + "{\"url\": \"https://...\", \"headers\": {...}}";

    private McpSkillOperations() {}

    public record Mcps(List<Mcp> environmentMcps) {}

    public record McpBody(Mcp environmentMcp) {}

    public record CreateMcp(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true)
            @JsonPropertyDescription("1–64 letters, digits, - or _; not starting with " + "relay- or replicas-")
            String name,

            @JsonProperty(required = true) @AllowedValues(McpTransport.class)
            String transport,

            @JsonProperty(required = true) @JsonPropertyDescription(CONFIG)
            JsonNode config) {}

    public record UpdateMcp(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("MCP server id")
            String mcpId,

            String name,

            @AllowedValues(McpTransport.class) @JsonPropertyDescription("A new transport needs a new config")
            String transport,

            @JsonPropertyDescription(CONFIG) JsonNode config) {}

    public record DeleteMcp(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("MCP server id")
            String mcpId) {}

    public record Skills(List<Skill> environmentSkills) {}

    public record SkillBody(Skill environmentSkill) {}

    public record EnableSkill(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("Catalog slug (search_skill_catalog)")
            String slug,

            @JsonPropertyDescription("Display name; default: the catalog's")
            String name,

            @JsonPropertyDescription("Source id; default: the catalog's")
            String source) {}

    public record DisableSkill(
            @JsonProperty(required = true) @JsonPropertyDescription(ENV)
            String environmentId,

            @JsonProperty(required = true) @JsonPropertyDescription("The enabled skill's id (list_environment_skills)")
            String skillId) {}

    public record SearchInput(
            @JsonPropertyDescription("Words to find in name, slug or description; empty lists " + "the most installed")
            String q) {}

    public record SearchResults(List<SearchSkill> skills) {}

    public static List<Operation<?, ?>> all() {
        return List.of(
                Operation.readOnly(
                                "list_environment_mcps",
                                "List environment MCP servers",
                                MCPS,
                                "List the MCP servers an environment writes into its workspaces' agent configuration "
                                        + "(~/.mcp.json), with their transport and config.",
                                VariableFileOperations.EnvironmentRef.class,
                                Mcps.class,
                                (ctx, in) -> new Mcps(
                                        ctx.services().contents().mcps().list(ctx.caller(), in.environmentId()).stream()
                                                .map(Mcp::of)
                                                .toList()))
                        .at(Route.get(MCP_PATH)),
                Operation.mutating(
                                "create_environment_mcp",
                                "Add an MCP server",
                                MCPS,
                                "Add an MCP server to an environment's agents: transport stdio with {command, args, env}, "
                                        + "or http/sse with {url, headers}. Names are unique per environment.",
                                CreateMcp.class,
                                McpBody.class,
                                (ctx, in) -> new McpBody(Mcp.of(ctx.services()
                                        .contents()
                                        .mcps()
                                        .create(
                                                ctx.caller(),
                                                in.environmentId(),
                                                in.name(),
                                                in.transport(),
                                                WireJson.values(in.config())))))
                        .at(Route.post(MCP_PATH).created())
                        .audited(Audit.created(
                                MCP, (in, out) -> out.environmentMcp().id())),
                Operation.mutating(
                                "update_environment_mcp",
                                "Change an MCP server",
                                MCPS,
                                "Rename an MCP server or change its transport or config; a new transport needs a config "
                                        + "of the new shape.",
                                UpdateMcp.class,
                                McpBody.class,
                                (ctx, in) -> new McpBody(Mcp.of(ctx.services()
                                        .contents()
                                        .mcps()
                                        .update(
                                                ctx.caller(),
                                                in.environmentId(),
                                                in.mcpId(),
                                                in.name(),
                                                in.transport(),
                                                WireJson.values(in.config())))))
                        .at(Route.patch(MCP_PATH + "/{mcp_id}"))
                        .audited(Audit.updated(
                                MCP, (in, out) -> in.mcpId(), (ctx, in) -> mcp(ctx, in.environmentId(), in.mcpId()))),
                Operation.destructive(
                                "delete_environment_mcp",
                                "Delete an MCP server",
                                MCPS,
                                "Remove an MCP server from an environment; new workspaces no longer get it.",
                                DeleteMcp.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .contents()
                                            .mcps()
                                            .delete(ctx.caller(), in.environmentId(), in.mcpId());
                                    return Success.OK;
                                })
                        .at(Route.delete(MCP_PATH + "/{mcp_id}"))
                        .audited(Audit.<DeleteMcp, Success>deleted(
                                MCP, (in, out) -> in.mcpId(), (ctx, in) -> mcp(ctx, in.environmentId(), in.mcpId()))),
                Operation.readOnly(
                                "list_environment_skills",
                                "List enabled skills",
                                SKILLS,
                                "List the skills enabled on an environment; they are installed into its workspaces "
                                        + "(~/.claude/skills).",
                                VariableFileOperations.EnvironmentRef.class,
                                Skills.class,
                                (ctx, in) -> new Skills(
                                        ctx
                                                .services()
                                                .contents()
                                                .skills()
                                                .list(ctx.caller(), in.environmentId())
                                                .stream()
                                                .map(Skill::of)
                                                .toList()))
                        .at(Route.get(SKILL_PATH)),
                Operation.mutating(
                                "enable_environment_skill",
                                "Enable a skill",
                                SKILLS,
                                "Enable a skill on an environment by its catalog slug (find it with search_skill_catalog). "
                                        + "The same slug or source twice is a conflict.",
                                EnableSkill.class,
                                SkillBody.class,
                                (ctx, in) -> new SkillBody(Skill.of(ctx.services()
                                        .contents()
                                        .skills()
                                        .enable(ctx.caller(), in.environmentId(), in.slug(), in.name(), in.source()))))
                        .at(Route.post(SKILL_PATH).created())
                        .audited(Audit.created(
                                SKILL, (in, out) -> out.environmentSkill().id())),
                Operation.destructive(
                                "disable_environment_skill",
                                "Disable a skill",
                                SKILLS,
                                "Disable a skill on an environment by the id list_environment_skills gives.",
                                DisableSkill.class,
                                Success.class,
                                (ctx, in) -> {
                                    ctx.services()
                                            .contents()
                                            .skills()
                                            .disable(ctx.caller(), in.environmentId(), in.skillId());
                                    return Success.OK;
                                })
                        .at(Route.delete(SKILL_PATH + "/{skill_id}"))
                        .audited(Audit.<DisableSkill, Success>deleted(
                                SKILL,
                                (in, out) -> in.skillId(),
                                (ctx, in) -> Listed.find(
                                        ctx.services().contents().skills().list(ctx.caller(), in.environmentId()),
                                        k -> k.id(),
                                        in.skillId(),
                                        Skill::of))),
                Operation.readOnly(
                                "search_skill_catalog",
                                "Search the skill catalog",
                                SKILLS,
                                "Search the local skill catalog (skills shipped with the server plus folders with a "
                                        + "SKILL.md in the data folder's skills/ directory). Returns name, slug, source, "
                                        + "installs; enable one with enable_environment_skill.",
                                SearchInput.class,
                                SearchResults.class,
                                (ctx, in) ->
                                        new SearchResults(ctx.services().contents().skills().search(in.q()).stream()
                                                .map(SearchSkill::of)
                                                .toList()))
                        .at(Route.get("/v1/environment-skills/search")));
    }

    private static Mcp mcp(OperationContext ctx, String environmentId, String id) {
        return Listed.find(
                ctx.services().contents().mcps().list(ctx.caller(), environmentId), m -> m.id(), id, Mcp::of);
    }
}
