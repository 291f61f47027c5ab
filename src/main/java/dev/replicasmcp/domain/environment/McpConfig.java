package dev.replicasmcp.domain.environment;

import java.util.List;
import java.util.Map;

/** The configuration of an MCP server, one shape per kind of transport. */
public sealed interface McpConfig {

    /** A local process speaking MCP on stdin/stdout. */
    record Stdio(String command, List<String> args, Map<String, String> env) implements McpConfig {}

    /** A remote server reached over HTTP (streamable or SSE). */
    record Http(String url, Map<String, String> headers) implements McpConfig {}
}
