package dev.replicasmcp.runtime.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One git command: no terminal prompts (a credential question would hang forever), no optional locks (a read
 * never blocks the agent's own git), English messages, stdout kept up to a limit, a time limit.
 */
final class GitProcess {

    private static final int ERROR_LIMIT = 8_000;

    /** How a git command ended; totalOut counts all of stdout even when out was cut at the limit. */
    record Result(int exitCode, String out, long totalOut, String err, boolean timedOut) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last lines git printed on stderr, for an error message. */
        String reason() {
            String text = err.strip();
            if (timedOut) {
                return "git did not finish in time";
            }
            return text.isEmpty() ? "git exited " + exitCode : text.substring(Math.max(0, text.length() - 600));
        }
    }

    private GitProcess() {}

    static Result run(Path directory, Duration timeout, int outLimit, List<String> args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off", "-c", "color.ui=false"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Map<String, String> env = builder.environment();
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GCM_INTERACTIVE", "never");
        env.put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        env.put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, "", 0, "could not run git: " + e.getMessage(), false);
        }
        try {
            process.getOutputStream().close();
            Capture out = Capture.start(process.getInputStream(), outLimit);
            Capture err = Capture.start(process.getErrorStream(), ERROR_LIMIT);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                destroy(process);
                process.waitFor(5, TimeUnit.SECONDS);
            }
            out.join();
            err.join();
            return new Result(finished ? process.exitValue() : -1, out.text(), out.total, err.text(), !finished);
        } catch (IOException e) {
            destroy(process);
            return new Result(-1, "", 0, "could not run git: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            // Shutdown or a deleted replica: git must not go on writing into a folder being removed.
            destroy(process);
            Thread.currentThread().interrupt();
            return new Result(-1, "", 0, "interrupted", false);
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Drains a stream on its own thread so neither pipe can fill up and stall git. */
    private static final class Capture implements Runnable {
        private final InputStream stream;
        private final int limit;
        private final StringBuilder text = new StringBuilder();
        private final Thread thread;
        private volatile long total;

        private Capture(InputStream stream, int limit) {
            this.stream = stream;
            this.limit = limit;
            this.thread = new Thread(this, "git-output");
            thread.setDaemon(true);
        }

        static Capture start(InputStream stream, int limit) {
            Capture capture = new Capture(stream, limit);
            capture.thread.start();
            return capture;
        }

        @Override
        public void run() {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    synchronized (this) {
                        text.append(buffer, 0, (int) Math.max(0, Math.min(n, limit - text.length())));
                        total += n;
                    }
                }
            } catch (IOException e) {
                // The process was killed; what was read stands.
            }
        }

        void join() throws InterruptedException {
            thread.join(5_000);
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
