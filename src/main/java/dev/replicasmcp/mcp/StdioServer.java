package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over stdin/stdout until stdin closes. Stdout belongs to the protocol: the real stream is
 * handed to the transport and System.out is pointed at stderr, so a stray print cannot corrupt it.
 *
 * <p>The session ends when the transport ({@link StdioTransport}) reads end of input, which would drop
 * the answers of requests still running. So the end of stdin is held back from it until every request
 * read has been answered (requests handed on and answers written are counted), then passed on.
 *
 * <p>The SDK answers some malformed requests with Java exception text and leaves others unanswered. So
 * every line is checked first ({@link StdioInput}, {@link IncomingCheck}) and a malformed one answered
 * with a JSON-RPC error that names the fault.
 *
 * <p>Sends are queued in the order their lines were read, though the SDK runs calls concurrently
 * ({@link ArrivalOrder}).
 */
public final class StdioServer {

    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);
    private static final long DRAIN_SECONDS = 10;
    private static final long SERVER_WAIT_SECONDS = 30;

    private StdioServer() {}

    public static void serve(McpJsonMapper mapper, ToolCatalog catalog, ToolInvoker invoker, String version)
            throws InterruptedException {
        CompletableFuture<McpServerFactory.Single> served = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ArrivalOrder order = ArrivalOrder.stamped();
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CountDownLatch eof = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IncomingCheck check = new IncomingCheck(name -> serves(served, name), "line");
        StdioInput input =
                new StdioInput(new FileInputStream(FileDescriptor.in), check, order, mapper, protocolOut, eof, release);
        McpServerFactory.Single single = McpServerFactory.create(
                new StdioTransport(mapper, input, protocolOut, input::answered, QuickCalls.of(catalog, invoker), ready),
                mapper,
                catalog,
                invoker,
                version,
                order);
        McpSyncServer server = single.server();
        served.complete(single);
        // While the client waits for the handshake's answer, which waits for it (StdioTransport).
        FirstCallWarmUp.start(catalog, invoker, mapper, check, ready);
        LOG.info("replicas-mcp {} serving MCP over stdio", version);
        try {
            eof.await();
            // Let every request already read finish and its answer reach stdout, then close.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
            while ((input.pending() > 0 || invoker.inFlight() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (input.pending() > 0) {
                LOG.warn("stdin closed; {} request(s) still unanswered after {} s", input.pending(), DRAIN_SECONDS);
            }
            LOG.info("stdin closed; shutting down");
        } finally {
            release.countDown();
        }
        server.closeGracefully();
    }

    /**
     * Whether the server offers the tool. The transport starts reading while the server is being built,
     * so a call read that early waits for it; should it never come, the SDK answers the call itself.
     */
    private static boolean serves(CompletableFuture<McpServerFactory.Single> served, String tool) {
        try {
            return served.get(SERVER_WAIT_SECONDS, TimeUnit.SECONDS).offers().test(tool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        }
    }
}
