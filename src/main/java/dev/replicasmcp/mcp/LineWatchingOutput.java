package dev.replicasmcp.mcp;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/** An output stream that passes every byte on and hands each complete line written to a watcher. */
final class LineWatchingOutput extends FilterOutputStream {

    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final Consumer<byte[]> watcher;

    LineWatchingOutput(OutputStream out, Consumer<byte[]> watcher) {
        super(out);
        this.watcher = watcher;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        feed(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        feed(b, off, len);
    }

    private void feed(byte[] bytes, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (bytes[i] == '\n') {
                current.write(bytes, start, i - start);
                watcher.accept(current.toByteArray());
                current.reset();
                start = i + 1;
            }
        }
        current.write(bytes, start, end - start);
    }
}
