package dev.replicasmcp.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    /** The entry of the environment that every process of this data folder carries, as /proc shows it. */
    private final byte[] dataEntry;

    public MarkedProcesses(ProcessMarker marker) {
        this.marker = marker;
        this.dataEntry = (ProcessMarker.DATA + "=" + marker.dataId()).getBytes(StandardCharsets.UTF_8);
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

    /**
     * Twice over when the first sweep found any: a marked process may fork while it runs. When it found
     * none, there was no marked process to fork, so a second sweep is skipped: each reads every process
     * on the machine (hundreds on a desktop), and the start-up's is on the first tool call's path.
     */
    private int kill(Predicate<Map<String, String>> which) {
        long self = ProcessHandle.current().pid();
        int killed = 0;
        for (int sweep = 0; sweep < 2 && (sweep == 0 || killed > 0); sweep++) {
            List<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != self && which.test(markedEnviron(p.pid())))
                    .toList();
            found.forEach(ProcessHandle::destroyForcibly);
            killed += found.size();
        }
        if (killed > 0) {
            LOG.info("Ended {} leftover process(es) started by hooks or agents", killed);
        }
        return killed;
    }

    /**
     * The REPLICAS_ variables a process was started with when they mark it as of this data folder (every
     * question asked of them requires that); else empty, as when it cannot be read or is gone. Only such
     * an environment is decoded: the others are only searched for the entry, as bytes.
     */
    private Map<String, String> markedEnviron(long pid) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return Map.of(); // gone, or not ours to read: not a process this server can have started
        }
        return holds(bytes, dataEntry) ? variables(bytes) : Map.of();
    }

    /** Whether the environment (entries ended by NUL, as /proc/PID/environ) holds the entry whole. */
    static boolean holds(byte[] environ, byte[] entry) {
        for (int start = 0; start + entry.length <= environ.length; ) {
            if (Arrays.equals(environ, start, start + entry.length, entry, 0, entry.length)
                    && (start + entry.length == environ.length || environ[start + entry.length] == 0)) {
                return true;
            }
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            start = end + 1;
        }
        return false;
    }

    /** The REPLICAS_ variables of an environment as /proc/PID/environ gives it. */
    static Map<String, String> variables(byte[] environ) {
        Map<String, String> env = new HashMap<>();
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.startsWith("REPLICAS_")) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
