package dev.replicasmcp.domain;

/**
 * An error the caller can fix: a bad field, an unknown id, a state that forbids the action.
 * The message names the field or id and says what to do next; it never carries a secret.
 */
public final class DomainException extends RuntimeException {

    /** What went wrong, so each front door can map it to its own status. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        TOO_LARGE,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String details;

    public DomainException(Kind kind, String message, String details) {
        super(message, null, false, false);
        this.kind = kind;
        this.details = details;
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, message, null);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message, null);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String details() {
        return details;
    }
}
