package dev.replicasmcp.runtime.git;

import dev.replicasmcp.domain.replica.GitDiff;
import dev.replicasmcp.domain.workspace.CheckoutException;
import dev.replicasmcp.domain.workspace.Checkouts;
import dev.replicasmcp.runtime.workspace.WorkspaceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Working copies through the real git CLI. The commit a replica's branch starts from is kept as the ref
 * `refs/replicas/base` inside the clone, so diffs need nothing from the database. Diffs write nothing to
 * the repository (no index refresh, no objects): tracked changes come from `git diff <base>`, untracked
 * files are read from disk.
 */
public final class GitCheckouts implements Checkouts {

    static final String BASE_REF = "refs/replicas/base";
    /** full_diff is cut at this many characters, with a note saying so. */
    public static final int FULL_DIFF_LIMIT = 200_000;

    private static final Duration CLONE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DIFF_TIMEOUT = Duration.ofSeconds(10);
    private static final int NUMSTAT_LIMIT = 4_000_000;
    private static final Pattern HEAD_REF = Pattern.compile("^ref: refs/heads/(\\S+)\\s*$");
    private static final Pattern NUMSTAT = Pattern.compile("^(\\d+)\\t(\\d+)\\t");

    @Override
    public void cloneInto(String url, String defaultBranch, Path folder) {
        boolean occupied = isNonEmptyFolder(folder);
        Path target =
                occupied ? folder.resolveSibling("." + folder.getFileName() + ".clone-" + System.nanoTime()) : folder;
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder.getParent(), e);
        }
        GitProcess.Result result = GitProcess.run(
                folder.getParent(),
                CLONE_TIMEOUT,
                0,
                List.of("clone", "--quiet", "--branch", defaultBranch, "--", source(url), target.toString()));
        if (!result.ok()) {
            WorkspaceFiles.deleteQuietly(target);
            throw new CheckoutException(
                    "Cloning " + url + " (branch " + defaultBranch + ") failed: " + result.reason());
        }
        if (occupied) {
            overlay(folder, target);
        }
    }

    /** Files already in the folder (environment files) are laid over the fresh clone, which then takes its place. */
    private static void overlay(Path folder, Path clone) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = clone.resolve(folder.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            WorkspaceFiles.deleteQuietly(folder);
            Files.move(clone, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            WorkspaceFiles.deleteQuietly(clone);
            throw new UncheckedIOException("Could not put the clone in place at " + folder, e);
        }
    }

    private static boolean isNonEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** A local repository is cloned by path, so git can hard-link its objects instead of copying them. */
    static String source(String url) {
        if (url.startsWith("file:")) {
            try {
                return Path.of(URI.create(url)).toString();
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
        return url;
    }

    @Override
    public boolean isClone(Path folder) {
        return Files.exists(folder.resolve(".git").resolve("HEAD"));
    }

    @Override
    public void startBranch(Path folder, String branch) {
        git(folder, "checkout", "--quiet", "-B", branch);
        git(folder, "update-ref", BASE_REF, "HEAD");
    }

    private static void git(Path folder, String... args) {
        GitProcess.Result result = GitProcess.run(folder, LOCAL_TIMEOUT, 0, List.of(args));
        if (!result.ok()) {
            throw new CheckoutException(
                    "git " + args[0] + " in " + folder.getFileName() + " failed: " + result.reason());
        }
    }

    @Override
    public String currentBranch(Path folder) {
        try {
            String head = Files.readString(folder.resolve(".git").resolve("HEAD"), StandardCharsets.UTF_8);
            Matcher matcher = HEAD_REF.matcher(head.trim());
            return matcher.matches() ? matcher.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public GitDiff diff(Path folder, boolean full) {
        String base = hasBase(folder) ? BASE_REF : "HEAD";
        GitProcess.Result numstat = GitProcess.run(
                folder,
                DIFF_TIMEOUT,
                NUMSTAT_LIMIT,
                List.of("diff", "--numstat", "--no-ext-diff", "--no-textconv", base, "--"));
        if (!numstat.ok()) {
            throw new CheckoutException("git diff in " + folder.getFileName() + " failed: " + numstat.reason());
        }
        int added = 0;
        int removed = 0;
        for (String line : numstat.out().split("\n")) {
            Matcher m = NUMSTAT.matcher(line);
            if (m.find()) {
                added += Integer.parseInt(m.group(1));
                removed += Integer.parseInt(m.group(2));
            }
        }
        UntrackedFiles untracked = UntrackedFiles.of(
                folder,
                GitProcess.run(
                                folder,
                                DIFF_TIMEOUT,
                                NUMSTAT_LIMIT,
                                List.of("ls-files", "--others", "--exclude-standard", "-z"))
                        .out());
        added += untracked.addedLines();
        return new GitDiff(added, removed, full ? fullDiff(folder, base, untracked) : "");
    }

    private static boolean hasBase(Path folder) {
        Path git = folder.resolve(".git");
        if (Files.exists(git.resolve(BASE_REF))) {
            return true;
        }
        try {
            Path packed = git.resolve("packed-refs");
            return Files.exists(packed) && Files.readString(packed).contains(" " + BASE_REF + "\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static String fullDiff(Path folder, String base, UntrackedFiles untracked) {
        GitProcess.Result tracked = GitProcess.run(
                folder, DIFF_TIMEOUT, FULL_DIFF_LIMIT, List.of("diff", "--no-ext-diff", "--no-textconv", base, "--"));
        StringBuilder text = new StringBuilder(tracked.out());
        boolean cut = tracked.totalOut() > text.length() || untracked.capped();
        for (UntrackedFiles.Entry entry : untracked.entries()) {
            int room = FULL_DIFF_LIMIT - text.length();
            String part = room > 0 ? untracked.diff(entry) : "";
            if (part.length() > room || room <= 0) {
                text.append(part, 0, Math.max(0, room));
                cut = true;
                break;
            }
            text.append(part);
        }
        if (cut) {
            text.append("\n[full_diff cut at ")
                    .append(FULL_DIFF_LIMIT)
                    .append(" characters (and ")
                    .append(UntrackedFiles.MAX_FILES)
                    .append(" new files); read the files in the workspace for the " + "rest.]\n");
        }
        return text.toString();
    }
}
