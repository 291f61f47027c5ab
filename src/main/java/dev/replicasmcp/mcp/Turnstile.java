package dev.replicasmcp.mcp;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets numbered callers through one at a time, in the order of their numbers: a caller enters once every
 * caller with a smaller number has left. A number may never come (its message was refused before it got
 * here); after waiting that long a caller goes in anyway, and the missing ones pass at once if they come.
 */
final class Turnstile {

    private static final Logger LOG = LoggerFactory.getLogger(Turnstile.class);
    static final long PATIENCE_SECONDS = 30;

    private long issued;
    private long next;

    /** The next number, in the order of the calls. */
    synchronized long ticket() {
        return issued++;
    }

    synchronized void enter(long ticket) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (next < ticket) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warn("Message #{} went ahead after {} s: the {} before it never came", ticket, PATIENCE_SECONDS,
                        ticket - next);
                next = ticket;
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Whether every number given out has left: forgetting the turnstile then loses nothing. */
    synchronized boolean idle() {
        return next >= issued;
    }

    synchronized void leave(long ticket) {
        if (ticket >= next) {
            next = ticket + 1;
        }
        notifyAll();
    }
}
