package dev.replicasmcp.mcp;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets numbered callers through in the order of their numbers: a caller enters once every number before
 * its own has left (numbers may leave in any order; one that never needed to wait leaves at once). A
 * number may never come (its message was refused before it got here); after waiting that long a caller
 * goes in anyway, and the missing ones pass at once if they come.
 */
final class Turnstile {

    private static final Logger LOG = LoggerFactory.getLogger(Turnstile.class);
    static final long PATIENCE_SECONDS = 30;

    private final TreeSet<Long> leftEarly = new TreeSet<>();
    private long issued;
    /** Every number below this one has left. */
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
                LOG.warn("Message #{} went ahead after {} s: a message before it never came", ticket, PATIENCE_SECONDS);
                next = ticket;
                leftEarly.headSet(ticket).clear();
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized void leave(long ticket) {
        if (ticket < next) {
            return;
        }
        leftEarly.add(ticket);
        while (leftEarly.remove(next)) {
            next++;
        }
        notifyAll();
    }

    /** Whether every number given out has left: forgetting the turnstile then loses nothing. */
    synchronized boolean idle() {
        return next >= issued;
    }
}
