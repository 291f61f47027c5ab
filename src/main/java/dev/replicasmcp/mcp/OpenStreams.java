package dev.replicasmcp.mcp;

import jakarta.servlet.AsyncContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open MCP streams (listening GETs and streamed answers) by the owner that opened them, so that a
 * revoked API key or OAuth grant loses them at once instead of at the next request.
 */
final class OpenStreams {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStreams.class);

    private final Map<String, Set<AsyncContext>> byOwner = new HashMap<>();

    synchronized void opened(String owner, AsyncContext stream) {
        byOwner.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(stream);
    }

    synchronized void closed(String owner, AsyncContext stream) {
        Set<AsyncContext> streams = byOwner.get(owner);
        if (streams != null) {
            streams.remove(stream);
            if (streams.isEmpty()) {
                byOwner.remove(owner);
            }
        }
    }

    /** Ends the streams of every owner that is no longer active; answers how many ended. */
    int endInactive(Predicate<String> active) {
        List<String> owners;
        synchronized (this) {
            owners = new ArrayList<>(byOwner.keySet());
        }
        int ended = 0;
        for (String owner : owners) {
            if (!active.test(owner)) {
                ended += end(owner);
            }
        }
        return ended;
    }

    /** Completes the owner's open streams: the client sees each end, and its next request is refused. */
    int end(String owner) {
        Set<AsyncContext> streams;
        synchronized (this) {
            streams = byOwner.remove(owner);
        }
        if (streams == null) {
            return 0;
        }
        for (AsyncContext stream : streams) {
            try {
                stream.complete();
            } catch (RuntimeException e) {
                LOG.debug("A revoked owner's stream was already ending: {}", e.toString());
            }
        }
        LOG.info("Ended {} open MCP stream(s) of a revoked key or OAuth grant", streams.size());
        return streams.size();
    }
}
