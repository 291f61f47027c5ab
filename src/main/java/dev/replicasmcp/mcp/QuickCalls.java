package dev.replicasmcp.mcp;

import dev.replicasmcp.ops.Operation;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which tool calls the stdio transport may run on its reading thread ({@link StdioTransport}): calls of a
 * tool that only reads (the database, or this machine's files), and sends (send_replica_message: one short
 * transaction; the turn it starts and a wake-up run in the background), once the core has started, while
 * no other call runs. A call before the start would hold reading up while the core starts (~0.1 s); one
 * beside another call could wait on the database behind it, and every line read after it would wait too.
 * No tool here waits for anything the client sends (no tool asks the client for roots, sampling or
 * input): while one runs on the reading thread, nothing more is read. A send run here keeps its place
 * among the sends ({@link ArrivalOrder}): none other runs.
 */
record QuickCalls(Set<String> tools, BooleanSupplier started, IntSupplier inFlight) implements Predicate<String> {

    QuickCalls {
        tools = Set.copyOf(tools);
    }

    /** The catalogue's quick tools, judged by the invoker's state. */
    static QuickCalls of(ToolCatalog catalog, ToolInvoker invoker) {
        return new QuickCalls(tools(catalog), invoker::started, invoker::inFlight);
    }

    /** The tools hinted read-only, and the send. */
    static Set<String> tools(ToolCatalog catalog) {
        return catalog.specs().stream()
                .filter(op -> op.hints().readOnly() || op.name().equals(ArrivalOrder.ORDERED_TOOL))
                .map(Operation::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean test(String tool) {
        return tools.contains(tool) && started.getAsBoolean() && inFlight.getAsInt() == 0;
    }
}
