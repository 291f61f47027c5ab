package dev.replicasmcp.runtime.hook;

import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.runtime.process.MarkedProcesses;
import dev.replicasmcp.runtime.process.ProcessMarker;
import dev.replicasmcp.runtime.process.Redactor;
import dev.replicasmcp.runtime.workspace.WorkspaceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a hook script with bash in its workspace folder: the script's variables and nothing of the
 * server's own environment (which may hold the secret key), stdout and stderr interleaved, a timeout
 * after which the whole process group is killed. A fresh temporary workspace is removed afterwards.
 */
public final class BashHookExecutor implements HookExecutor {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final List<String> PASSED_THROUGH = List.of("PATH", "LANG", "LC_ALL", "TZ", "USER", "LOGNAME");

    private final WorkspaceProcesses processes = new WorkspaceProcesses();
    private final MarkedProcesses marked;

    /** A server's executor: its processes carry the marker and are found again through it. */
    public BashHookExecutor(MarkedProcesses marked) {
        this.marked = marked;
    }

    /** An executor with a marker of its own, shared with no server. */
    public BashHookExecutor() {
        this(new MarkedProcesses(ProcessMarker.unique()));
    }

    /** The exit code of a run that never started because its thread was interrupted (128 + SIGINT). */
    static final int NOT_STARTED_EXIT_CODE = 130;

    @Override
    public HookRun run(HookRequest request, HookProgress progress) {
        if (Thread.currentThread().isInterrupted()) {
            // Shutdown or deletion interrupted the run this one follows: nothing more starts.
            String why = "Not run: the server is stopping or the workspace is being removed.\n";
            return new HookRun(NOT_STARTED_EXIT_CODE, why, false, why.length(), 0, false);
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("replicas-hook-");
            Path workspace = request.workspace() != null
                    ? request.workspace()
                    : Files.createDirectories(scratch.resolve("home"));
            WorkspaceFiles.write(workspace, request.files());
            Path script = scratch.resolve("hook.sh");
            Files.writeString(script, request.script(), StandardCharsets.UTF_8);
            return execute(command(script), workspace, request, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the hook workspace: " + e.getMessage(), e);
        } finally {
            WorkspaceFiles.deleteQuietly(scratch);
        }
    }

    private static List<String> command(Path script) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A new session makes the script a process-group leader, so a timeout can kill everything it started.
            command.add(SETSID.toString());
        }
        command.add("bash");
        command.add(script.toString());
        return command;
    }

    @Override
    public void stopWithin(Path workspace) {
        processes.stopWithin(workspace);
        marked.killWithin(workspace);
    }

    @Override
    public void stopAll() {
        processes.stopAll();
        marked.killAll();
    }

    private HookRun execute(List<String> command, Path workspace, HookRequest request, HookProgress progress)
            throws IOException {
        boolean isolated = request.workspace() == null;
        Path directory = request.directory() != null ? request.directory() : workspace;
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        PASSED_THROUGH.stream().filter(inherited::containsKey).forEach(key -> env.put(key, inherited.get(key)));
        env.put("HOME", workspace.toString());
        env.putAll(request.variables());
        env.putAll(marked.marker().env(isolated ? null : workspace, request.replicaId(), null));
        if (Thread.currentThread().isInterrupted()) {
            // The server is stopping (its pools were interrupted): a hook's next command must not start.
            String output = "Not run: the server is stopping.\n";
            return new HookRun(HookRun.TIMEOUT_EXIT_CODE, output, false, output.length(), 0, true);
        }
        long started = System.nanoTime();
        Process process = builder.start();
        if (!isolated) {
            processes.register(workspace, process);
        }
        process.getOutputStream().close();
        OutputCollector output = new OutputCollector(process.getInputStream(), HookRun.OUTPUT_LIMIT);
        Thread reader = new Thread(output, "hook-output");
        reader.setDaemon(true);
        reader.start();
        // Variable values are masked in everything the hook printed before it is logged or shown.
        Redactor redactor = Redactor.ofValues(request.variables());
        HookProgress masked = (ms, chars, lastLine) -> progress.update(ms, chars, redactor.apply(lastLine));
        boolean finished = waitReporting(process, request, masked, output, started);
        if (!finished || isolated) {
            ProcessTrees.kill(process);
        }
        waitForReader(reader);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int exitCode = finished ? process.exitValue() : HookRun.TIMEOUT_EXIT_CODE;
        return new HookRun(
                exitCode, redactor.apply(output.preview()), output.truncated(), output.total(), durationMs, !finished);
    }

    private static boolean waitReporting(
            Process process, HookRequest request, HookProgress progress, OutputCollector output, long started) {
        long deadline = started + request.timeout().toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (process.waitFor(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                progress.update(
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), output.total(), output.lastLine());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Background children may keep the pipe open after the script exits; do not wait for them forever. */
    private static void waitForReader(Thread reader) {
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
