package dev.replicasmcp.domain.workspace;

import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The repositories inside a workspace home: each cloned to `~/workspaces/<repo-name>` (the last segment of
 * its name), its config file read from the clone, and its hook commands run in its folder.
 */
public final class WorkspaceRepositories {

    /** A repository to check out: its registered name, where to clone it from, and the branch to start from. */
    public record Source(String name, String url, String defaultBranch) {}

    /**
     * A repository checked out in a workspace, with its config file (null when it has none or it is invalid);
     * clonedNow is false when the folder already held the clone (a warm-pool workspace).
     */
    public record CheckedOut(
            Source source, Path folder, RepositoryConfig config, String configError, boolean clonedNow) {}

    private final Checkouts checkouts;
    private final RepositoryConfigs configs;
    private final HookExecutor executor;

    public WorkspaceRepositories(Checkouts checkouts, RepositoryConfigs configs, HookExecutor executor) {
        this.checkouts = checkouts;
        this.configs = configs;
        this.executor = executor;
    }

    public Checkouts checkouts() {
        return checkouts;
    }

    /** The folder of each repository, in order; two repositories with the same last segment get -2, -3, ... */
    public static List<Path> folders(Path home, List<Source> sources) {
        Set<String> taken = new HashSet<>();
        List<Path> folders = new ArrayList<>();
        for (Source source : sources) {
            String base = folderName(source.name());
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "-" + n;
            }
            folders.add(home.resolve("workspaces").resolve(name));
        }
        return folders;
    }

    static String folderName(String repositoryName) {
        String trimmed = repositoryName.replaceAll("/+$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceFirst("\\.git$", "");
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "repository" : safe;
    }

    /** Clones every repository that is not there yet; a clone that fails throws, naming the repository. */
    public List<CheckedOut> checkOut(Path home, List<Source> sources) {
        List<Path> folders = folders(home, sources);
        List<CheckedOut> result = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            Path folder = folders.get(i);
            boolean clonedNow = !checkouts.isClone(folder);
            if (clonedNow) {
                checkouts.cloneInto(source.url(), source.defaultBranch(), folder);
            }
            result.add(withConfig(source, folder, clonedNow));
        }
        return result;
    }

    private CheckedOut withConfig(Source source, Path folder, boolean clonedNow) {
        try {
            Optional<RepositoryConfig> config = configs.read(folder);
            return new CheckedOut(source, folder, config.orElse(null), null, clonedNow);
        } catch (RepositoryConfig.Invalid | java.io.UncheckedIOException e) {
            return new CheckedOut(source, folder, null, e.getMessage(), clonedNow);
        }
    }

    /**
     * Runs the commands one after the other in the repository folder (HOME stays the workspace home). A
     * failing command does not stop the next. The result combines them: each command's output after a
     * `$ command` line, the first failure's exit code, timed out if any did.
     */
    public HookRun run(
            Path home,
            Path folder,
            RepositoryConfig.CommandHook hook,
            Map<String, String> variables,
            BooleanSupplier goOn) {
        List<String> scripts = hook.separate() ? hook.commands() : List.of(String.join("\n", hook.commands()));
        StringBuilder output = new StringBuilder();
        long total = 0;
        long durationMs = 0;
        int exitCode = 0;
        boolean timedOut = false;
        for (String script : scripts) {
            if (Thread.currentThread().isInterrupted() || !goOn.getAsBoolean()) {
                break;
            }
            HookRun run = executor.run(
                    new HookRequest(script, variables, List.of(), home, hook.timeout(), folder), HookProgress.NONE);
            String header = "$ " + script + "\n";
            append(output, header);
            append(output, run.output());
            total += header.length() + run.outputTotalChars();
            durationMs += run.durationMs();
            timedOut |= run.timedOut();
            if (exitCode == 0 && !run.succeeded()) {
                exitCode = run.exitCode();
            }
        }
        int totalChars = (int) Math.min(Integer.MAX_VALUE, total);
        return new HookRun(exitCode, output.toString(), totalChars > output.length(), totalChars, durationMs, timedOut);
    }

    private static void append(StringBuilder output, String text) {
        int room = HookRun.OUTPUT_LIMIT - output.length();
        if (room > 0) {
            output.append(text, 0, Math.min(room, text.length()));
        }
    }
}
