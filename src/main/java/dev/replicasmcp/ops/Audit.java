package dev.replicasmcp.ops;

import java.util.Set;

/**
 * What the audit log records for one operation: the action (`<resource>.<created|updated|deleted>` or a
 * specific one such as `warm_hook.saved`), the resource's type and id, its state before (read before the
 * change) and after (the result by default; nothing after a deletion), and which fields hold secrets.
 *
 * <p>WITH_CHANGE runs the whole operation in one transaction with its entry. IN_SERVICE is for operations
 * that run processes or wait on other threads (a clone, a hook, stopping an agent), where holding the
 * database for their whole length would stall the server: the service calls the context's recorder
 * inside the short transaction that makes the change, and the entry commits with it. Such an entry's id,
 * before and after are what the service records; the action is asked with no output.
 */
public record Audit<I, O>(
        Action<I, O> action,
        String resourceType,
        Mode mode,
        ResourceId<I, O> id,
        Before<I> before,
        After<I, O> after,
        Set<String> secretFields) {

    public enum Mode {
        WITH_CHANGE,
        IN_SERVICE
    }

    /** Fields whose values are secrets wherever they appear; headers and env hide every value inside. */
    public static final Set<String> SECRETS = Set.of(
            "value", "headers", "env", "secret", "token", "password", "api_key", "secret_ciphertext", "webhook_token");

    /** The action's name; most are fixed, some depend on the input (warm_pool.enabled or .disabled). */
    @FunctionalInterface
    public interface Action<I, O> {
        String of(I input, O output);
    }

    @FunctionalInterface
    public interface ResourceId<I, O> {
        String of(I input, O output);
    }

    @FunctionalInterface
    public interface Before<I> {
        Object read(OperationContext context, I input);
    }

    @FunctionalInterface
    public interface After<I, O> {
        Object of(I input, O output);
    }

    public static <I, O> Audit<I, O> created(String resourceType, ResourceId<I, O> id) {
        return new Audit<>(
                (in, out) -> resourceType + ".created",
                resourceType,
                Mode.WITH_CHANGE,
                id,
                null,
                (in, out) -> out,
                SECRETS);
    }

    public static <I, O> Audit<I, O> updated(String resourceType, ResourceId<I, O> id, Before<I> before) {
        return new Audit<>(
                (in, out) -> resourceType + ".updated",
                resourceType,
                Mode.WITH_CHANGE,
                id,
                before,
                (in, out) -> out,
                SECRETS);
    }

    public static <I, O> Audit<I, O> deleted(String resourceType, ResourceId<I, O> id, Before<I> before) {
        return new Audit<>(
                (in, out) -> resourceType + ".deleted",
                resourceType,
                Mode.WITH_CHANGE,
                id,
                before,
                (in, out) -> null,
                SECRETS);
    }

    /** A specific action name instead of the generic one. */
    public Audit<I, O> action(String specific) {
        return action((in, out) -> specific);
    }

    public Audit<I, O> action(Action<I, O> specific) {
        return new Audit<>(specific, resourceType, mode, id, before, after, secretFields);
    }

    /** What the entry shows after the change, when the result is not the resource itself. */
    public Audit<I, O> after(After<I, O> state) {
        return new Audit<>(action, resourceType, mode, id, before, state, secretFields);
    }

    /** An entry the service records inside its own transaction (see the class comment). */
    public static <I, O> Audit<I, O> inService(String action, String resourceType) {
        return new Audit<>((in, out) -> action, resourceType, Mode.IN_SERVICE, null, null, null, SECRETS);
    }

    /** More fields that hold secrets for this resource (e.g. a file's content). */
    public Audit<I, O> secret(String... fields) {
        Set<String> all = new java.util.HashSet<>(secretFields);
        all.addAll(Set.of(fields));
        return new Audit<>(action, resourceType, mode, id, before, after, Set.copyOf(all));
    }
}
