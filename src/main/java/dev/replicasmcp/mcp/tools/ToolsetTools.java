package dev.replicasmcp.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.mcp.ToolsetControl;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Toolset;
import dev.replicasmcp.ops.defs.Empty;
import java.util.List;

/**
 * Dynamic toolsets: the model sees which toolsets exist and switches one on mid-session. Both are
 * hinted read-only: they change which tools are offered, never any data, so --read-only keeps them
 * (and enable_toolset then adds only the read-only tools of a toolset).
 */
public final class ToolsetTools {

    private ToolsetTools() {}

    public record EnableInput(
            @JsonProperty(required = true) @JsonPropertyDescription("A toolset name from list_toolsets, or 'all'")
            String name) {}

    public static List<Operation<?, ?>> all(ToolsetControl control) {
        return List.of(
                Operation.readOnly(
                        "list_toolsets",
                        "List toolsets",
                        Toolset.DYNAMIC,
                        "List the toolsets of this server: name, description, tools and whether they are offered "
                                + "now. Switch one on with enable_toolset.",
                        Empty.class,
                        ToolsetControl.ToolsetList.class,
                        (ctx, in) -> control.list()),
                Operation.readOnly(
                        "enable_toolset",
                        "Enable a toolset",
                        Toolset.DYNAMIC,
                        "Offer the tools of one more toolset (e.g. environment_contents for variables, files and "
                                + "MCP servers; hooks; warm_pools; skills; agents) from now on, to every session "
                                + "of this server. Clients are sent tools/list_changed.",
                        EnableInput.class,
                        ToolsetControl.Enabled.class,
                        (ctx, in) -> control.enable(in.name())));
    }
}
