package dev.replicasmcp.mcp;

/**
 * A tool as a plain value: definition plus handler. Built only through the factories below, so every
 * tool states its annotation hints on purpose. Tools can be listed, filtered and snapshotted into
 * tools.json without starting a server.
 */
public record ToolSpec<I, O>(String name, String title, String description, String toolset, Hints hints,
                             Class<I> input, Class<O> output, Handler<I, O> handler) {

    /** The four MCP annotation hints. openWorld is false everywhere: the server touches only this machine. */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    }

    /** Runs the tool on parsed input. */
    @FunctionalInterface
    public interface Handler<I, O> {
        O handle(ToolContext context, I input);
    }

    /** Reads only; calling it twice changes nothing. */
    public static <I, O> ToolSpec<I, O> readOnly(String name, String title, String toolset, String description,
                                                 Class<I> input, Class<O> output, Handler<I, O> handler) {
        return new ToolSpec<>(name, title, description, toolset, new Hints(true, false, true, false), input, output,
                handler);
    }

    /** Adds or changes something without destroying anything; a repeat makes a second effect. */
    public static <I, O> ToolSpec<I, O> mutating(String name, String title, String toolset, String description,
                                                 Class<I> input, Class<O> output, Handler<I, O> handler) {
        return new ToolSpec<>(name, title, description, toolset, new Hints(false, false, false, false), input, output,
                handler);
    }

    /** Removes something; a repeat with the same arguments has no further effect. */
    public static <I, O> ToolSpec<I, O> destructive(String name, String title, String toolset, String description,
                                                    Class<I> input, Class<O> output, Handler<I, O> handler) {
        return new ToolSpec<>(name, title, description, toolset, new Hints(false, true, true, false), input, output,
                handler);
    }
}
