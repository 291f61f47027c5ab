package dev.replicasmcp.conformance;

import dev.replicasmcp.mcp.McpExtras;

/**
 * The conformance profile (test sources only; {@link ConformanceServer} serves it over HTTP): the
 * fixtures the server scenarios of the MCP conformance suite ({@code @modelcontextprotocol/conformance})
 * call by name, served next to the product's own tools, which stay exactly as they are. Keys, host and
 * origin checks are not touched. None of it is in the product jar.
 */
public final class ConformanceProfile {

    private ConformanceProfile() {}

    public static McpExtras extras() {
        return new McpExtras(
                FixtureTools.all(),
                FixtureResources.resources(),
                FixtureResources.templates(),
                FixturePrompts.all(),
                FixturePrompts.completions(),
                true);
    }
}
