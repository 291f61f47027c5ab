package dev.replicasmcp.domain.environment;

/** An MCP server written into the agents' MCP configuration in an environment's workspaces. */
public record EnvironmentMcp(
        String id,
        String organizationId,
        String environmentId,
        String name,
        McpTransport transport,
        McpConfig config,
        String createdAt,
        String updatedAt) {}
