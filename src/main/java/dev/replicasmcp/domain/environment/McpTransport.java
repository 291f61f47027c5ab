package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** How an MCP server is reached. */
public enum McpTransport implements WireName {
    STDIO,
    HTTP,
    SSE;

    public static McpTransport parse(String field, String value) {
        return Validation.enumValue(field, value, McpTransport.class);
    }
}
