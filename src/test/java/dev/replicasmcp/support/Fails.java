package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.replicasmcp.domain.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call breaks a rule: a DomainException of the expected kind whose message names what is wrong. */
public final class Fails {

    private Fails() {}

    public static DomainException with(DomainException.Kind kind, ThrowingCallable call, String... mentions) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown)
                .as("expected a %s error mentioning %s", kind, String.join(", ", mentions))
                .isInstanceOf(DomainException.class);
        DomainException error = (DomainException) thrown;
        assertThat(error.kind()).as("kind of: %s", error.getMessage()).isEqualTo(kind);
        assertThat(error.getMessage()).contains(mentions);
        return error;
    }

    public static DomainException invalid(ThrowingCallable call, String... mentions) {
        return with(DomainException.Kind.INVALID, call, mentions);
    }

    public static DomainException tooLarge(ThrowingCallable call, String... mentions) {
        return with(DomainException.Kind.TOO_LARGE, call, mentions);
    }

    public static DomainException notFound(ThrowingCallable call, String... mentions) {
        return with(DomainException.Kind.NOT_FOUND, call, mentions);
    }

    public static DomainException conflict(ThrowingCallable call, String... mentions) {
        return with(DomainException.Kind.CONFLICT, call, mentions);
    }
}
