package dev.replicasmcp.runtime.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads a process's combined output: keeps a preview up to a limit, counts everything, tracks the last line. */
final class OutputCollector implements Runnable {

    private final InputStream stream;
    private final int limit;
    private final StringBuilder preview = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private volatile int total;
    private volatile String lastLine = "";

    OutputCollector(InputStream stream, int limit) {
        this.stream = stream;
        this.limit = limit;
    }

    @Override
    public void run() {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The stream closes when the process tree is killed; what was read so far stands.
        }
    }

    private synchronized void append(char[] buffer, int n) {
        int room = limit - preview.length();
        if (room > 0) {
            preview.append(buffer, 0, Math.min(room, n));
        }
        total += n;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                if (line.length() > 0) {
                    lastLine = line.toString();
                }
                line.setLength(0);
            } else if (line.length() < 300) {
                line.append(buffer[i]);
            }
        }
    }

    synchronized String preview() {
        return preview.toString();
    }

    int total() {
        return total;
    }

    boolean truncated() {
        return total > limit;
    }

    String lastLine() {
        return lastLine;
    }
}
