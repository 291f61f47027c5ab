package dev.replicasmcp.runtime.hook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the hook processes started in each workspace so that everything they leave behind can be
 * killed when the workspace goes: the scripts still running, members of their process groups and
 * sessions (background jobs), and any process whose working directory is inside the workspace. Group,
 * session and working directory come from /proc; where there is none, only the scripts themselves go.
 */
final class WorkspaceProcesses {

    private record Started(Path workspace, Process process, Instant at) {}

    private final Map<Long, Started> started = new ConcurrentHashMap<>();

    void register(Path workspace, Process process) {
        // Forget finished runs whose folder is gone (a pool folder a replica took over, a removed workspace).
        started.values().removeIf(s -> !s.process().isAlive() && !Files.isDirectory(s.workspace()));
        started.put(process.pid(), new Started(workspace.toAbsolutePath().normalize(), process, Instant.now()));
    }

    void stopAll() {
        started.values().stream().map(Started::workspace).distinct().toList().forEach(this::stopWithin);
    }

    void stopWithin(Path workspace) {
        Path folder = workspace.toAbsolutePath().normalize();
        List<Started> mine = new ArrayList<>();
        started.values().removeIf(s -> {
            boolean inside = s.workspace().startsWith(folder);
            if (inside) {
                mine.add(s);
            }
            return inside;
        });
        mine.stream().filter(s -> s.process().isAlive()).forEach(s -> ProcessTrees.kill(s.process()));
        // Twice: a process may have forked while the first sweep ran.
        for (int sweep = 0; sweep < 2; sweep++) {
            long self = ProcessHandle.current().pid();
            ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != self)
                    .filter(p -> belongs(p, folder, mine))
                    .forEach(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    });
        }
    }

    private static boolean belongs(ProcessHandle process, Path folder, List<Started> mine) {
        Optional<Path> cwd = cwd(process.pid());
        if (cwd.isPresent() && cwd.get().startsWith(folder)) {
            return true;
        }
        long[] groupAndSession = groupAndSession(process.pid());
        if (groupAndSession == null) {
            return false;
        }
        Instant startedAt = process.info().startInstant().orElse(Instant.MAX);
        // A leader's pid may be reused long after; only processes started after the hook count.
        return mine.stream()
                .anyMatch(s ->
                        (s.process().pid() == groupAndSession[0] || s.process().pid() == groupAndSession[1])
                                && !startedAt.isBefore(s.at().minusSeconds(1)));
    }

    private static Optional<Path> cwd(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"))
                    .normalize());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Fields 5 and 6 of /proc/PID/stat, read after the command name, which may hold spaces and parentheses. */
    private static long[] groupAndSession(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[2]), Long.parseLong(fields[3])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
