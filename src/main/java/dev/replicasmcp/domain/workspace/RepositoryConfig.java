package dev.replicasmcp.domain.workspace;

import java.time.Duration;
import java.util.List;

/**
 * A repository's own configuration (spec §8.6): `replicas.json`, else `replicas.yaml`, else `replicas.yml`
 * at its root. Hooks are null when the file does not configure them.
 */
public record RepositoryConfig(String file, String systemPrompt, CommandHook startHook, CommandHook warmHook) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300_000);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Commands run one after the other in the repository folder. With separate (the default) each command is its
     * own script with its own timeout; without, they run as one script and the timeout covers all of it.
     */
    public record CommandHook(Duration timeout, List<String> commands, boolean separate) {

        public boolean isEmpty() {
            return commands.isEmpty();
        }
    }

    /** The file exists but cannot be used; the message names the file and the field. */
    public static final class Invalid extends RuntimeException {

        public Invalid(String message) {
            super(message);
        }
    }
}
