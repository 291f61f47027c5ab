package dev.replicasmcp.conformance;

import dev.replicasmcp.mcp.McpExtras;

/**
 * The test-only conformance profile (hidden option {@code --conformance-profile}, HTTP mode): the
 * fixtures the server scenarios of the MCP conformance suite ({@code @modelcontextprotocol/conformance})
 * call by name, served next to the product's own tools, which stay exactly as they are. Keys, host and
 * origin checks are not touched. Nothing here is wired unless the option is given.
 */
public final class ConformanceProfile {

    private ConformanceProfile() {
    }

    public static McpExtras extras() {
        return new McpExtras(FixtureTools.all(), FixtureResources.resources(), FixtureResources.templates(),
                FixturePrompts.all(), FixturePrompts.completions(), true);
    }
}
