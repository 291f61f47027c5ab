package dev.replicasmcp.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.domain.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records engine events and tells live listeners (event streams) about each one. */
public final class EventLog {

    private final EngineEventStore store;
    private final Clock clock;
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    public EventLog(EngineEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public EngineEvent append(String replicaId, String type, JsonNode payload) {
        String ts = Timestamps.now(clock);
        long id = store.append(replicaId, ts, type, payload);
        EngineEvent event = new EngineEvent(id, replicaId, ts, type, payload);
        listeners.forEach(listener -> listener.accept(event));
        return event;
    }

    public List<EngineEvent> after(String replicaId, long afterId, int limit) {
        return store.after(replicaId, afterId, limit);
    }

    public long latestId(String replicaId) {
        return store.latestId(replicaId);
    }

    public void subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<EngineEvent> listener) {
        listeners.remove(listener);
    }

    /** A fresh JSON object for a payload. */
    public static ObjectNode payload() {
        return JsonNodeFactory.instance.objectNode();
    }
}
