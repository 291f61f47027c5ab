package dev.replicasmcp.ops;

/**
 * One operation of the platform, defined once: name, input and result records, annotation hints,
 * toolset, REST method/path/status (null: no REST route) and what the audit log records (null: not
 * audited). The MCP tool and the REST route are both made from it; {@link Invoker} runs it for both.
 */
public record Operation<I, O>(
        String name,
        String title,
        String description,
        Toolset toolset,
        Hints hints,
        Class<I> input,
        Class<O> output,
        Handler<I, O> handler,
        Route route,
        Audit<I, O> audit) {

    /** The four MCP annotation hints. openWorld is false everywhere: the server touches only this machine. */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {}

    private static final Hints READS = new Hints(true, false, true, false);
    private static final Hints CHANGES = new Hints(false, false, false, false);
    private static final Hints REMOVES = new Hints(false, true, true, false);

    /** Runs the operation on parsed, validated input. */
    @FunctionalInterface
    public interface Handler<I, O> {
        O handle(OperationContext context, I input);
    }

    private static <I, O> Operation<I, O> of(
            String name,
            String title,
            Toolset toolset,
            String description,
            Hints hints,
            Class<I> input,
            Class<O> output,
            Handler<I, O> handler) {
        return new Operation<>(name, title, description, toolset, hints, input, output, handler, null, null);
    }

    /** Reads only; calling it twice changes nothing. */
    public static <I, O> Operation<I, O> readOnly(
            String name,
            String title,
            Toolset toolset,
            String description,
            Class<I> input,
            Class<O> output,
            Handler<I, O> handler) {
        return of(name, title, toolset, description, READS, input, output, handler);
    }

    /** Adds or changes something without destroying anything; a repeat makes a second effect. */
    public static <I, O> Operation<I, O> mutating(
            String name,
            String title,
            Toolset toolset,
            String description,
            Class<I> input,
            Class<O> output,
            Handler<I, O> handler) {
        return of(name, title, toolset, description, CHANGES, input, output, handler);
    }

    /** Removes something; a repeat with the same arguments has no further effect. */
    public static <I, O> Operation<I, O> destructive(
            String name,
            String title,
            Toolset toolset,
            String description,
            Class<I> input,
            Class<O> output,
            Handler<I, O> handler) {
        return of(name, title, toolset, description, REMOVES, input, output, handler);
    }

    /** The same operation, also served over REST at this route. */
    public Operation<I, O> at(Route at) {
        return new Operation<>(name, title, description, toolset, hints, input, output, handler, at, audit);
    }

    /** The same operation, recorded in the audit log as this says. */
    public Operation<I, O> audited(Audit<I, O> how) {
        return new Operation<>(name, title, description, toolset, hints, input, output, handler, route, how);
    }
}
