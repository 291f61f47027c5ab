package dev.replicasmcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.environment.CatalogSkill;
import dev.replicasmcp.domain.environment.EnvironmentFile;
import dev.replicasmcp.domain.environment.EnvironmentMcp;
import dev.replicasmcp.domain.environment.EnvironmentSkill;
import dev.replicasmcp.domain.environment.EnvironmentVariable;
import dev.replicasmcp.domain.environment.McpTransport;

/** Wire shapes of what an environment holds (spec §2.7–2.10), as the API returns them. */
public final class EnvironmentContentViews {

    private static final ObjectMapper CONFIG =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private EnvironmentContentViews() {}

    /** A variable; the value is returned in plaintext, as the API does. */
    public record Variable(
            String id,
            String organizationId,
            String environmentId,
            String key,
            String value,
            boolean personalOverrideAllowed,
            String createdAt,
            String updatedAt) {
        public static Variable of(EnvironmentVariable v) {
            return new Variable(
                    v.id(),
                    v.organizationId(),
                    v.environmentId(),
                    v.key(),
                    v.value(),
                    false,
                    v.createdAt(),
                    v.updatedAt());
        }
    }

    /** A file and its content. */
    public record File(
            String id,
            String organizationId,
            String environmentId,
            String name,
            String path,
            String content,
            String createdAt,
            String updatedAt) {
        public static File of(EnvironmentFile f) {
            return new File(
                    f.id(),
                    f.organizationId(),
                    f.environmentId(),
                    f.name(),
                    f.path(),
                    f.content(),
                    f.createdAt(),
                    f.updatedAt());
        }
    }

    /** An MCP server; config is {command, args, env} for stdio, {url, headers} for http and sse. */
    public record Mcp(
            String id,
            String organizationId,
            String environmentId,
            String name,
            @AllowedValues(McpTransport.class) String transport,
            JsonNode config,
            String createdAt,
            String updatedAt) {
        public static Mcp of(EnvironmentMcp m) {
            return new Mcp(
                    m.id(),
                    m.organizationId(),
                    m.environmentId(),
                    m.name(),
                    m.transport().wire(),
                    CONFIG.valueToTree(m.config()),
                    m.createdAt(),
                    m.updatedAt());
        }
    }

    /** A skill enabled on an environment; id is the membership id used to disable it. */
    public record Skill(
            String id,
            String organizationId,
            String environmentId,
            String name,
            String slug,
            String source,
            String createdAt,
            String updatedAt) {
        public static Skill of(EnvironmentSkill s) {
            return new Skill(
                    s.id(),
                    s.organizationId(),
                    s.environmentId(),
                    s.name(),
                    s.slug(),
                    s.source(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    /** A catalog search result. */
    public record SearchSkill(
            String name,
            String slug,
            String source,
            int installs,
            @Nullable String description) {
        public static SearchSkill of(CatalogSkill s) {
            return new SearchSkill(s.name(), s.slug(), s.source(), s.installs(), s.description());
        }
    }
}
