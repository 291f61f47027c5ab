package dev.replicasmcp.rest.routes;

import dev.replicasmcp.domain.event.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire bytes of a run of logged events, made once for every stream that sends the same run: a new
 * event goes to all streams of its replica, and encoding it a thousand times would take the CPU from
 * everyone else. Logged events never change and their ids are unique, so the first and last id name a
 * run; snapshots (made per stream) are never kept.
 */
final class SharedFrames {

    private static final int MAX_KEPT = 32;

    private record Run(long first, long last, int size) {}

    private final Map<Run, byte[]> kept = new ConcurrentHashMap<>();

    byte[] of(List<StreamEvent> events) {
        if (events.stream().anyMatch(e -> !Long.toString(e.cursor()).equals(e.id()))) {
            return bytes(events);
        }
        Run run = new Run(events.get(0).cursor(), events.get(events.size() - 1).cursor(), events.size());
        byte[] known = kept.get(run);
        if (known != null) {
            return known;
        }
        byte[] made = bytes(events);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(run, made);
        return made;
    }

    private static byte[] bytes(List<StreamEvent> events) {
        return EventFrames.of(events).getBytes(StandardCharsets.UTF_8);
    }
}
