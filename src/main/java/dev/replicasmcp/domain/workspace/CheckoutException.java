package dev.replicasmcp.domain.workspace;

/** A git operation on a workspace failed; the message says what and quotes git. */
public final class CheckoutException extends RuntimeException {

    public CheckoutException(String message) {
        super(message);
    }
}
