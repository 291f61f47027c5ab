package dev.replicasmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * MCP features served next to the tool catalogue. The product serves none ({@link #NONE}); tests add
 * fixtures here (see {@code Main.run}). The capabilities announced follow what is present: tools always
 * (with listChanged: enable_toolset adds tools), resources (with subscriptions), prompts and completions
 * when there are any, logging when asked for.
 */
public record McpExtras(
        List<SyncToolSpecification> tools,
        List<SyncResourceSpecification> resources,
        List<SyncResourceTemplateSpecification> resourceTemplates,
        List<SyncPromptSpecification> prompts,
        List<SyncCompletionSpecification> completions,
        boolean logging) {

    public static final McpExtras NONE = new McpExtras(List.of(), List.of(), List.of(), List.of(), List.of(), false);

    public McpExtras {
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        prompts = List.copyOf(prompts);
        completions = List.copyOf(completions);
    }

    McpSchema.ServerCapabilities capabilities() {
        McpSchema.ServerCapabilities.Builder capabilities =
                McpSchema.ServerCapabilities.builder().tools(true);
        if (!resources.isEmpty() || !resourceTemplates.isEmpty()) {
            capabilities.resources(true, false);
        }
        if (!prompts.isEmpty()) {
            capabilities.prompts(false);
        }
        if (!completions.isEmpty()) {
            capabilities.completions();
        }
        if (logging) {
            capabilities.logging();
        }
        return capabilities.build();
    }
}
