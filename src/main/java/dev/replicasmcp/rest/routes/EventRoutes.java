package dev.replicasmcp.rest.routes;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.event.EventStream;
import dev.replicasmcp.rest.ErrorBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * GET /v1/replica/{id}/events: the replica's engine events as Server-Sent Events (spec §4.2, §6.1).
 * Each event is `id: <log id>` plus `data: {id, ts, type, payload}`; a `: ping` comment goes out after
 * every quiet heartbeat; Last-Event-ID resumes after that id. The stream ends after the replica's deletion,
 * and when its API key is revoked. Streams are asynchronous with non-blocking writes: {@link StreamHub}
 * delivers them all.
 */
public final class EventRoutes {

    /** How many streams one API key may hold open at once, unless configured otherwise. */
    public static final int DEFAULT_MAX_STREAMS_PER_KEY = 200;

    private final Services services;
    private final StreamHub hub;

    /** keyActive: whether the API key with this fingerprint may still be used (it is asked again and again). */
    public EventRoutes(Services services, Duration heartbeat, int maxStreamsPerKey, Predicate<String> keyActive) {
        this.services = services;
        this.hub = new StreamHub(heartbeat, maxStreamsPerKey, keyActive);
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/replica/{id}/events", this::stream);
    }

    /** Ends every open stream so clients see a clean end (server stopping). */
    public void closeAll() {
        hub.close();
    }

    private void stream(Context ctx) throws IOException {
        String key = ctx.attribute(Http.KEY);
        if (!hub.reserve(key)) {
            Http.json(
                    ctx,
                    429,
                    new ErrorBody(
                            "Too many open event streams for this API key (the limit is " + hub.maxPerKey() + ").",
                            "Close streams you no longer read, or start the server with a higher "
                                    + "--max-streams-per-key."));
            return;
        }
        EventStream stream;
        try {
            // Errors (unknown replica, not active, bad Last-Event-ID) are thrown here, before the stream starts.
            stream = services.events().open(Http.caller(ctx), ctx.pathParam("id"), ctx.header("Last-Event-ID"));
        } catch (RuntimeException e) {
            hub.release(key);
            throw e;
        }
        ServletOutputStream out;
        try {
            out = start(ctx.res());
            String opening = EventFrames.of(stream.opening());
            out.write(opening.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The client went away before the opening reached it: nothing to answer.
            stream.close();
            hub.release(key);
            return;
        } catch (RuntimeException e) {
            stream.close();
            hub.release(key);
            throw e;
        }
        String replicaId = ctx.pathParam("id");
        ctx.future(() -> hub.add(stream, key, out, replicaId));
    }

    private static ServletOutputStream start(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        ServletOutputStream out = res.getOutputStream();
        res.flushBuffer();
        return out;
    }
}
