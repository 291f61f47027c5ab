package dev.replicasmcp.domain.event;

import dev.replicasmcp.domain.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    public EngineEvent append(String replicaId, EnginePayload payload) {
        String ts = Timestamps.now(clock);
        Map<String, Object> fields = payload.fields();
        long id = store.append(replicaId, ts, payload.type(), fields);
        EngineEvent event = new EngineEvent(id, replicaId, ts, payload.type(), fields);
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
}
