package dev.replicasmcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over stdin/stdout until stdin closes. Stdout belongs to the protocol: the real stream is
 * handed to the transport and System.out is pointed at stderr, so a stray print cannot corrupt it.
 */
public final class StdioServer {

    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

    private StdioServer() {
    }

    public static void serve(McpJsonMapper mapper, ToolCatalog catalog, ToolInvoker invoker, String version)
            throws InterruptedException {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CountDownLatch eof = new CountDownLatch(1);
        InputStream in = new EofSignal(new FileInputStream(FileDescriptor.in), eof);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, in, protocolOut);
        McpSyncServer server = McpServerFactory.create(transport, mapper, catalog, invoker, version);
        LOG.info("replicas-mcp {} serving MCP over stdio", version);
        eof.await();
        // The SDK does not stop when stdin closes; let calls already read finish, then close.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Thread.sleep(150);
        while (invoker.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        LOG.info("stdin closed; shutting down");
        server.closeGracefully();
    }

    /** Counts down the latch the first time the stream reports end of file (or fails). */
    private static final class EofSignal extends FilterInputStream {

        private final CountDownLatch eof;

        EofSignal(InputStream in, CountDownLatch eof) {
            super(in);
            this.eof = eof;
        }

        @Override
        public int read() throws IOException {
            return check(signalOnError(() -> super.read()));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(signalOnError(() -> super.read(b, off, len)));
        }

        private int check(int n) {
            if (n < 0) {
                eof.countDown();
            }
            return n;
        }

        private int signalOnError(IoRead read) throws IOException {
            try {
                return read.get();
            } catch (IOException e) {
                eof.countDown();
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoRead {
            int get() throws IOException;
        }
    }
}
