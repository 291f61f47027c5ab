package dev.replicasmcp.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A test client of a Server-Sent Events stream: events (id line plus JSON data) and `: ping` comments. */
public final class SseReader implements AutoCloseable {

    /** One event: the SSE id line and the parsed data. */
    public record Event(String sseId, JsonNode data) {
        public String type() {
            return data.path("type").asText();
        }

        public String id() {
            return data.path("id").asText();
        }

        public boolean persisted() {
            return !id().startsWith("snapshot");
        }
    }

    private static final Event END = new Event(null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Thread reader;

    private SseReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    public static SseReader open(HttpClient client, String url, String key, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseReader(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of a refused stream. */
    public JsonNode errorBody() throws IOException {
        try (InputStream in = response.body()) {
            return HttpFixture.JSON.readTree(in);
        }
    }

    public int pings() {
        return pings.get();
    }

    /** True once the server closed the stream. */
    public boolean ended() {
        return ended.get();
    }

    /** The next event, or null when none came in time or the stream ended. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return event == END ? null : event;
    }

    /** Events up to and including the first that matches; fails when the stream ends or time runs out. */
    public List<Event> until(Predicate<Event> last, Duration timeout) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : next(Duration.ofNanos(left));
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout + "; got "
                        + out.stream().map(Event::type).toList());
            }
            out.add(event);
            if (last.test(event)) {
                return out;
            }
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, HttpFixture.JSON.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    pings.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // closed by the test, or the connection dropped
        } finally {
            ended.set(true);
            events.add(END);
        }
    }

    /** Drops the connection, as a client going away would. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
