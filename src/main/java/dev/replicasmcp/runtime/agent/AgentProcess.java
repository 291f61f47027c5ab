package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.runtime.hook.ProcessTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One agent CLI run: started in a new session (so its whole tree can be killed as one process group),
 * with exactly the environment given, stdout handed over line by line as it arrives, and the end of
 * stderr kept for error messages. Waiting for a line is interruptible, unlike reading the pipe.
 */
final class AgentProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final String EOF = new String("<eof>");
    /** What nextLine answers when no line came before its deadline (compared by identity). */
    static final String NO_LINE_IN_TIME = new String("<no line in time>");

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int STDERR_KEEP = 4_000;
    /** How long output may stay open after the CLI exited (a background child holding the pipe). */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrReader;
    private volatile boolean atEof;

    private AgentProcess(Process process) {
        this.process = process;
        daemon("agent-stdout", () -> readLines(process.getInputStream())).start();
        this.stderrReader = daemon("agent-stderr", () -> readTail(process.getErrorStream()));
        stderrReader.start();
    }

    /** Starts the command in cwd; stdin gets the given text (or nothing) and is closed. */
    static AgentProcess start(List<String> command, Path cwd, Map<String, String> env, String stdin)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        AgentProcess started = new AgentProcess(builder.start());
        OutputStream input = started.process.getOutputStream();
        if (stdin == null) {
            input.close();
        } else {
            daemon("agent-stdin", () -> {
                        try (input) {
                            input.write(stdin.getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            // The CLI exited without reading its input; its exit code tells the story.
                        }
                    })
                    .start();
        }
        return started;
    }

    /** The next stdout line, or null at the end of output, or {@link #NO_LINE_IN_TIME} at the deadline. */
    String nextLine(long deadlineNanos) throws InterruptedException {
        long exitedAt = 0;
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return NO_LINE_IN_TIME;
            }
            String line = lines.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
            if (line == EOF) {
                atEof = true;
                return null;
            }
            if (line != null) {
                return line;
            }
            if (!process.isAlive()) {
                exitedAt = exitedAt == 0 ? System.nanoTime() : exitedAt;
                if (System.nanoTime() - exitedAt > LINGER_NANOS) {
                    return null;
                }
            }
        }
    }

    /** Waits for the CLI to exit and answers its exit code. */
    int waitFor() throws InterruptedException {
        int code = process.waitFor();
        stderrReader.join(1_000);
        return code;
    }

    synchronized String stderrTail() {
        String all = stderr.toString();
        return (all.length() > STDERR_KEEP ? all.substring(all.length() - STDERR_KEEP) : all).strip();
    }

    /** Kills the CLI and everything it started, unless it is gone and its output is closed. */
    void kill() {
        if (process.isAlive() || !atEof || process.descendants().findAny().isPresent()) {
            ProcessTrees.kill(process);
        }
    }

    private void readLines(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The pipe closes when the tree is killed; what was read so far stands.
        } finally {
            lines.add(EOF);
        }
    }

    private void readTail(InputStream stream) {
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                synchronized (this) {
                    stderr.append(buffer, 0, n);
                    if (stderr.length() > 2 * STDERR_KEEP) {
                        stderr.delete(0, stderr.length() - STDERR_KEEP);
                    }
                }
            }
        } catch (IOException e) {
            // As for stdout.
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
