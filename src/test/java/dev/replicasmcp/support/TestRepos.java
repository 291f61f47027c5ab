package dev.replicasmcp.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real git repositories made by the tests. */
public final class TestRepos {

    private TestRepos() {
    }

    /** A repository with one commit on the given branch. */
    public static Path create(Path parent, String name, String branch) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(parent.resolve(name));
        git(dir, "init", "-q", "-b", branch);
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n");
        git(dir, "add", "README.md");
        git(dir, "-c", "user.email=test@example.com", "-c", "user.name=Test", "commit", "-q", "-m", "init");
        return dir;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
    }
}
