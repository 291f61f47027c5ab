package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.event.EventStream;
import dev.replicasmcp.domain.event.StreamEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /v1/replica/{id}/events: the replica's engine events as Server-Sent Events (spec §4.2, §6.1).
 * Each event is `id: <log id>` plus `data: {id, ts, type, payload}`; a `: ping` comment goes out after
 * every quiet heartbeat; Last-Event-ID resumes after that id. The stream ends after the replica's deletion.
 */
public final class EventRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);

    /** The envelope of one event on the wire. */
    record Envelope(String id, String ts, String type, JsonNode payload) {
    }

    private final Services services;
    private final Duration heartbeat;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    public EventRoutes(Services services, Duration heartbeat) {
        this.services = services;
        this.heartbeat = heartbeat;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/replica/{id}/events", this::stream);
    }

    /** Ends every open stream and lets their handlers finish, so clients see a clean end (server stopping). */
    public void closeAll() {
        open.forEach(EventStream::close);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stream(Context ctx) throws InterruptedException {
        // Errors (unknown replica, not active, bad Last-Event-ID) are thrown here, before the stream starts.
        EventStream stream = services.events().open(Http.caller(ctx), ctx.pathParam("id"),
                ctx.header("Last-Event-ID"));
        open.add(stream);
        try {
            OutputStream out = start(ctx.res());
            write(out, stream.opening());
            while (!stream.closed() && !stream.ended()) {
                List<StreamEvent> events = stream.next(heartbeat);
                if (events.isEmpty()) {
                    send(out, ": ping\n\n");
                } else {
                    write(out, events);
                }
            }
        } catch (IOException e) {
            LOG.debug("Event stream of replica {} ended: {}", ctx.pathParam("id"), e.toString());
        } finally {
            open.remove(stream);
            stream.close();
        }
    }

    private static OutputStream start(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        res.flushBuffer();
        return out;
    }

    private static void write(OutputStream out, List<StreamEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder frame = new StringBuilder();
        for (StreamEvent e : events) {
            frame.append("id: ").append(e.cursor()).append('\n')
                    .append("data: ").append(Http.JSON.writeValueAsString(new Envelope(e.id(), e.ts(), e.type(),
                            e.payload()))).append("\n\n");
        }
        send(out, frame.toString());
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
