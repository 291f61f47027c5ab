package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both ends of a stdio session in a test: what the client sends (lines into a pipe, read by a real {@link
 * StdioInput}) and what the server writes (a {@link SlowOutput}), read back line by line as JSON.
 */
final class StdioPipe {

    private static final ObjectMapper JSON = new ObjectMapper();

    final PipedOutputStream client = new PipedOutputStream();
    final SlowOutput out = new SlowOutput();

    /** Takes its time between the bytes of a message and its newline: unlocked writers would interleave. */
    static final class SlowOutput extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
            writing.decrementAndGet();
        }

        List<String> lines() {
            synchronized (bytes) {
                String text = bytes.toString(StandardCharsets.UTF_8);
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.remove(lines.size() - 1); // what follows the last newline: nothing, or a line half written
                return lines;
            }
        }
    }

    /** The stdio input as the server reads it, every tool known, from a pipe of pipeBytes. */
    StdioInput input(ProtocolJsonMapper mapper, int pipeBytes) throws IOException {
        return new StdioInput(
                new PipedInputStream(client, pipeBytes),
                new IncomingCheck(name -> true, "line"),
                ArrivalOrder.stamped(),
                mapper,
                out,
                new CountDownLatch(1),
                new CountDownLatch(0));
    }

    void send(String line) throws IOException {
        client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    /** The lines written once there are count of them (20 s at most); each parsed, so none is two mixed. */
    List<JsonNode> awaitLines(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.lines().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out.lines()) {
            parsed.add(JSON.readTree(line));
        }
        assertThat(parsed).as("lines written").hasSize(count);
        return parsed;
    }
}
