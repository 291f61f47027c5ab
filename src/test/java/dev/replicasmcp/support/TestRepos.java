package dev.replicasmcp.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real git repositories made by the tests. */
public final class TestRepos {

    private TestRepos() {}

    /** A repository with one commit on the given branch. */
    public static Path create(Path parent, String name, String branch) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(parent.resolve(name));
        git(dir, "init", "-q", "-b", branch);
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n");
        git(dir, "add", "README.md");
        commit(dir, "init");
        return dir;
    }

    /** Writes a file (creating folders) and commits it. */
    public static void commitFile(Path repo, String path, String content) throws IOException, InterruptedException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        git(repo, "add", path);
        commit(repo, "add " + path);
    }

    public static void commit(Path repo, String message) throws IOException, InterruptedException {
        git(repo, "-c", "user.email=test@example.com", "-c", "user.name=Test", "commit", "-q", "-m", message);
    }

    /** Runs git in dir and returns its output, trimmed; fails the test when git fails. */
    public static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output.trim();
    }
}
