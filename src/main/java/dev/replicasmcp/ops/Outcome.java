package dev.replicasmcp.ops;

/**
 * What running an operation gave: its result, or a failure with the HTTP status, the message for the
 * caller (naming the field and the fix) and optional details (JSON text). Each door renders it its way.
 */
public record Outcome(Object result, Failure failure) {

    public record Failure(int status, String message, String details) {}

    public static Outcome of(Object result) {
        return new Outcome(result, null);
    }

    public static Outcome failed(int status, String message, String details) {
        return new Outcome(null, new Failure(status, message, details));
    }

    public boolean ok() {
        return failure == null;
    }
}
