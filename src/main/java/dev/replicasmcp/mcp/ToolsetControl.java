package dev.replicasmcp.mcp;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What list_toolsets and enable_toolset act on: the toolsets one MCP server offers. */
public interface ToolsetControl {

    /** One toolset as list_toolsets shows it. */
    record ToolsetInfo(
            String name,
            String description,
            int toolCount,
            List<String> tools,

            @JsonPropertyDescription("Its tools are offered now")
            boolean enabled) {}

    record ToolsetList(List<ToolsetInfo> toolsets) {}

    /** What enable_toolset did. */
    record Enabled(
            List<String> toolsets,

            @JsonPropertyDescription("Tools now offered from them (tools/list_changed was sent)")
            List<String> tools,

            @JsonPropertyDescription("true: every toolset asked for was already on")
            boolean alreadyEnabled) {}

    ToolsetList list();

    /** Offers the tools of a toolset (or of every one for 'all'); an unknown name is a tool error. */
    Enabled enable(String name);

    /** The control of a catalogue that is only described (tools.json, schemas), never served. */
    ToolsetControl UNBOUND = new ToolsetControl() {
        @Override
        public ToolsetList list() {
            throw new IllegalStateException("This tool catalogue is not served by an MCP server");
        }

        @Override
        public Enabled enable(String name) {
            throw new IllegalStateException("This tool catalogue is not served by an MCP server");
        }
    };
}
