package dev.replicasmcp.mcp;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.mcp.tools.ToolsetTools;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Toolset;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The toolsets one MCP server offers, and switching more on while it runs. The SDK server has one tool
 * list for all its sessions, so a toolset enabled by one session is offered to every session of that
 * server (on HTTP: every client of the process) until it stops; each is sent tools/list_changed.
 */
final class DynamicToolsets implements ToolsetControl {

    private final ToolCatalog catalog;
    private final Function<Operation<?, ?>, SyncToolSpecification> registration;
    private final ListChangedGate gate;
    private final Set<Toolset> enabled;
    private McpSyncServer server;
    /** The names of the tools the server offers now: read for every call, so kept rather than listed. */
    private volatile Set<String> offered = Set.of();

    DynamicToolsets(
            ToolCatalog catalog, Function<Operation<?, ?>, SyncToolSpecification> registration, ListChangedGate gate) {
        this.catalog = catalog;
        this.registration = registration;
        this.gate = gate;
        this.enabled = new LinkedHashSet<>(catalog.enabledToolsets());
    }

    /** The tools to build the server with; list_toolsets and enable_toolset answer for this object. */
    List<SyncToolSpecification> initialTools() {
        Map<String, Operation<?, ?>> bound =
                ToolsetTools.all(this).stream().collect(Collectors.toMap(Operation::name, spec -> spec));
        return catalog.initialSpecs().stream()
                .map(spec -> bound.getOrDefault(spec.name(), spec))
                .map(registration)
                .toList();
    }

    /** The server the tools of enabled toolsets are added to; set once it is built. */
    synchronized void attach(McpSyncServer built) {
        this.server = built;
        refreshOffered();
    }

    /** Whether the server offers a tool of this name now. */
    boolean offers(String tool) {
        return offered.contains(tool);
    }

    private void refreshOffered() {
        offered = server.listTools().stream().map(McpSchema.Tool::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized ToolsetList list() {
        return new ToolsetList(Toolset.selectable().stream()
                .map(toolset -> new ToolsetInfo(
                        toolset.wire(),
                        toolset.description(),
                        names(toolset).size(),
                        names(toolset),
                        enabled.contains(toolset)))
                .toList());
    }

    @Override
    public synchronized Enabled enable(String name) {
        String asked = name == null ? "" : name.trim();
        List<Toolset> toolsets;
        if (asked.equals(Toolset.EVERY)) {
            toolsets = Toolset.selectable();
        } else if (Toolset.find(asked).isPresent()) {
            toolsets = List.of(Toolset.find(asked).get());
        } else {
            throw DomainException.invalid("Field 'name': " + Toolset.unknown(asked) + " Or 'all' for every one; "
                    + "list_toolsets describes them.");
        }
        List<String> tools = new ArrayList<>();
        toolsets.forEach(toolset -> tools.addAll(names(toolset)));
        List<String> asNames = toolsets.stream().map(Toolset::wire).toList();
        List<Toolset> added =
                toolsets.stream().filter(toolset -> !enabled.contains(toolset)).toList();
        if (added.isEmpty()) {
            return new Enabled(asNames, tools, true);
        }
        if (server == null) {
            throw new IllegalStateException("enable_toolset was called before the MCP server was built");
        }
        gate.hold();
        try {
            added.forEach(
                    toolset -> catalog.specsOf(toolset).forEach(spec -> server.addTool(registration.apply(spec))));
        } finally {
            gate.release();
        }
        enabled.addAll(added);
        refreshOffered();
        try {
            server.notifyToolsListChanged();
        } catch (RuntimeException e) {
            // The tools are offered either way; a client that missed the notice sees them at its next tools/list.
            LoggerFactory.getLogger(DynamicToolsets.class).debug("tools/list_changed not delivered: {}", e.toString());
        }
        return new Enabled(asNames, tools, false);
    }

    private List<String> names(Toolset toolset) {
        return catalog.specsOf(toolset).stream().map(Operation::name).toList();
    }
}
