package dev.replicasmcp.domain.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database read shared by every stream of a replica at the same cursor: a new event wakes all of
 * them at once, and a thousand identical queries would keep the database from everyone else. A result
 * may be short of events committed after it was read (never wrong: ids only grow), so a reader must read
 * again while its cursor is behind the last event it was told of ({@link EventStream} does). Empty results
 * are not kept, and an append drops its replica's results.
 */
final class SharedReads {

    /** Beyond this many kept results (streams far apart in many replicas), start over. */
    private static final int MAX_KEPT = 32;

    private record Key(String replicaId, long afterId) {}

    private final EventLog log;
    private final int page;
    private final Map<Key, List<EngineEvent>> kept = new ConcurrentHashMap<>();

    SharedReads(EventLog log, int page) {
        this.log = log;
        this.page = page;
        log.subscribe(event -> forget(event.replicaId()));
    }

    /** Up to a page of events after afterId; a prefix of what the log holds now at worst. */
    List<EngineEvent> after(String replicaId, long afterId) {
        Key key = new Key(replicaId, afterId);
        List<EngineEvent> known = kept.get(key);
        if (known != null) {
            return known;
        }
        List<EngineEvent> events = List.copyOf(log.after(replicaId, afterId, page));
        if (!events.isEmpty()) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, events);
        }
        return events;
    }

    private void forget(String replicaId) {
        kept.keySet().removeIf(key -> key.replicaId().equals(replicaId));
    }
}
