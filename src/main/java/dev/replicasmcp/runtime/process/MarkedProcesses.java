package dev.replicasmcp.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the processes that carry a {@link ProcessMarker}, found by reading /proc/PID/environ: unlike a
 * process group or the parent chain, the environment survives setsid, double forks and re-parenting.
 * Where /proc cannot be read (not Linux, another user's process) nothing is found and nothing is killed.
 */
public final class MarkedProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(MarkedProcesses.class);
    private static final Path PROC = Path.of("/proc");

    private final ProcessMarker marker;

    public MarkedProcesses(ProcessMarker marker) {
        this.marker = marker;
    }

    public ProcessMarker marker() {
        return marker;
    }

    /** Every process this server started for the workspace (or a folder inside it), hooks and agents alike. */
    public int killWithin(Path workspace) {
        Path folder = workspace.toAbsolutePath().normalize();
        return kill(env -> mine(env)
                && env.containsKey(ProcessMarker.WORKSPACE)
                && Path.of(env.get(ProcessMarker.WORKSPACE)).startsWith(folder));
    }

    /** Every process an agent started for the chat. */
    public int killChat(String chatId) {
        return kill(env -> mine(env) && chatId.equals(env.get(ProcessMarker.CHAT)));
    }

    /** Every process this server started: it is shutting down. */
    public int killAll() {
        return kill(this::mine);
    }

    /**
     * What an earlier run of the server on the same data folder left behind: marked with its folder and
     * with a server pid that is no longer alive, or that is this process's own pid (a container restarts
     * the server under the same pid), which at start-up cannot have started anything yet.
     */
    public int killLeftovers() {
        return kill(env -> marker.dataId().equals(env.get(ProcessMarker.DATA)) && earlierRun(env));
    }

    private boolean mine(Map<String, String> env) {
        return marker.dataId().equals(env.get(ProcessMarker.DATA))
                && Long.toString(marker.serverPid()).equals(env.get(ProcessMarker.SERVER_PID));
    }

    private boolean earlierRun(Map<String, String> env) {
        try {
            long pid = Long.parseLong(env.getOrDefault(ProcessMarker.SERVER_PID, ""));
            return pid == marker.serverPid()
                    || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Twice over: a marked process may fork while the first sweep runs. */
    private int kill(Predicate<Map<String, String>> which) {
        long self = ProcessHandle.current().pid();
        int killed = 0;
        for (int sweep = 0; sweep < 2; sweep++) {
            List<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != self && which.test(environ(p.pid())))
                    .toList();
            found.forEach(ProcessHandle::destroyForcibly);
            killed += found.size();
        }
        if (killed > 0) {
            LOG.info("Ended {} leftover process(es) started by hooks or agents", killed);
        }
        return killed;
    }

    /** The environment a process was started with; empty when it cannot be read or the process is gone. */
    static Map<String, String> environ(long pid) {
        Map<String, String> env = new HashMap<>();
        try {
            byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0 && entry.startsWith("REPLICAS_")) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException | SecurityException e) {
            // Gone, or not ours to read: not a process this server can have started.
        }
        return env;
    }
}
