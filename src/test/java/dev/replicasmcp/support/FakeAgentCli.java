package dev.replicasmcp.support;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.runtime.agent.AgentConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fake `claude` and `codex` executables (bash scripts from src/test/resources/fake-agents) in a bin
 * folder: each call records its arguments, working folder, environment and pid under log/, then
 * replays a realistic transcript chosen by a word in the prompt.
 */
public final class FakeAgentCli {

    public final Path bin;
    public final Path log;

    private FakeAgentCli(Path bin, Path log) {
        this.bin = bin;
        this.log = log;
    }

    public static FakeAgentCli install(Path dir, String... names) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = Files.createDirectories(dir.resolve("agent-log"));
        for (String name : names) {
            try (InputStream in = FakeAgentCli.class.getResourceAsStream("/fake-agents/" + name)) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@LOG@", log.toString());
                Path file = bin.resolve(name);
                Files.writeString(file, script);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return new FakeAgentCli(bin, log);
    }

    /** The bin folder first on the server's PATH, so its CLIs are found there. */
    public String path() {
        return bin + ":" + System.getenv("PATH");
    }

    /** Agents found on this PATH; the scripted agent answers the others when scriptedFallback is on. */
    public AgentConfig config(boolean scriptedFallback) {
        return new AgentConfig(Map.of(), scriptedFallback, path(), AgentConfig.DEFAULT_PERMISSION_MODE);
    }

    /** The same, with explicit commands for some agents. */
    public AgentConfig config(boolean scriptedFallback, Map<CodingAgent, String> commands) {
        return new AgentConfig(commands, scriptedFallback, path(), AgentConfig.DEFAULT_PERMISSION_MODE);
    }

    /** The calls of one CLI so far, oldest first. */
    public List<Call> calls(String name) {
        try (Stream<Path> dirs = Files.list(log)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(name + "-"))
                    .filter(d -> Files.exists(d.resolve("pid")))
                    .sorted(Comparator.comparingInt(
                            d -> Integer.parseInt(d.getFileName().toString().substring(name.length() + 1))))
                    .map(Call::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One recorded call. */
    public record Call(Path dir, List<String> args, String cwd, Map<String, String> env) {

        static Call read(Path dir) {
            try {
                return new Call(
                        dir,
                        split(dir.resolve("args")),
                        Files.readString(dir.resolve("cwd")).strip(),
                        environment(dir.resolve("env")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The value after a flag, if the flag was given. */
        public Optional<String> after(String flag) {
            int at = args.indexOf(flag);
            return at < 0 || at + 1 >= args.size() ? Optional.empty() : Optional.of(args.get(at + 1));
        }

        public String prompt() throws IOException {
            return Files.readString(dir.resolve("prompt"));
        }

        public long pid() throws IOException {
            return Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        }

        /** The pid of the background child a 'hang' turn starts, once it is there. */
        public Optional<Long> childPid() throws IOException {
            Path file = dir.resolve("child.pid");
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).strip()))
                    : Optional.empty();
        }

        /** Lets a 'slow' turn go on to its second step. */
        public void release() throws IOException {
            Files.writeString(dir.resolve("release"), "go");
        }

        private static List<String> split(Path file) throws IOException {
            String all = Files.readString(file);
            List<String> parts = new ArrayList<>(Arrays.asList(all.split("\0", -1)));
            if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
            return parts;
        }

        private static Map<String, String> environment(Path file) throws IOException {
            Map<String, String> env = new LinkedHashMap<>();
            for (String entry : split(file)) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return env;
        }
    }
}
