package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.replicasmcp.domain.event.StreamEvent;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Server-Sent Events frames of stream events: `id: <log id>` and `data: {id, ts, type, payload}`. */
final class EventFrames {

    /** The envelope of one event on the wire. */
    record Envelope(String id, String ts, String type, Map<String, Object> payload) {}

    private EventFrames() {}

    static String of(List<StreamEvent> events) {
        StringBuilder frame = new StringBuilder();
        for (StreamEvent e : events) {
            try {
                frame.append("id: ")
                        .append(e.cursor())
                        .append('\n')
                        .append("data: ")
                        .append(Http.JSON.writeValueAsString(new Envelope(e.id(), e.ts(), e.type(), e.payload())))
                        .append("\n\n");
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return frame.toString();
    }
}
