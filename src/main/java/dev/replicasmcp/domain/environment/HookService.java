package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.hook.HookExecutor;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.domain.hook.HookRun;
import java.time.Duration;
import java.util.Optional;

/**
 * Warm and start hooks of an environment: versioned scripts, and test runs in a fresh isolated
 * workspace with the environment's merged variables and files. A new warm hook version makes
 * prepared pool workspaces stale; a start hook does not.
 */
public final class HookService {

    public static final int MAX_SCRIPT_CHARS = 100_000;

    private final EnvironmentConfigStore store;
    private final EnvironmentAccess access;
    private final EnvironmentService environments;
    private final ConfigMerge merge;
    private final HookExecutor executor;
    private final Duration defaultTimeout;
    private final Duration maxTimeout;

    /** A saved version and the test run that followed it. */
    public record SavedAndTested(HookScript hook, HookRun test) {}

    public HookService(
            EnvironmentConfigStore store,
            EnvironmentAccess access,
            EnvironmentService environments,
            ConfigMerge merge,
            HookExecutor executor,
            Duration defaultTimeout,
            Duration maxTimeout) {
        this.store = store;
        this.access = access;
        this.environments = environments;
        this.merge = merge;
        this.executor = executor;
        this.defaultTimeout = defaultTimeout;
        this.maxTimeout = maxTimeout;
    }

    public Optional<HookScript> active(Caller caller, String environmentId, HookKind kind) {
        return store.activeHook(access.resolve(caller, environmentId).id(), kind);
    }

    public HookScript save(Caller caller, String environmentId, HookKind kind, String content) {
        return save(caller, environmentId, kind, content, ChangeRecorder.none());
    }

    private HookScript save(
            Caller caller,
            String environmentId,
            HookKind kind,
            String content,
            ChangeRecorder<? super HookScript> changes) {
        String script = validScript(content);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            HookScript before = store.activeHook(env.id(), kind).orElse(null);
            HookScript saved = store.saveHook(new HookScript(
                    access.newId(), env.organizationId(), env.id(), kind, 0, script, true, access.now()));
            if (kind == HookKind.WARM) {
                access.changed(env);
            }
            changes.record(saved.id(), before, saved);
            return saved;
        });
    }

    /** Runs a script as the environment's hook would run, without saving it. */
    public HookRun test(
            Caller caller, String environmentId, String content, Integer timeoutSeconds, HookProgress progress) {
        String script = validScript(content);
        Duration timeout = timeout(timeoutSeconds);
        Environment env = access.resolve(caller, environmentId);
        MergedConfig config = merge.merge(environments.global(caller), env);
        return executor.run(
                new HookRequest(script, config.variables(), config.workspaceFiles(), null, timeout), progress);
    }

    /**
     * Always saves a new version first, then tests it, whatever the outcome. The save is recorded in its own
     * transaction: the test may run for minutes.
     */
    public SavedAndTested saveAndTest(
            Caller caller,
            String environmentId,
            HookKind kind,
            String content,
            Integer timeoutSeconds,
            HookProgress progress,
            ChangeRecorder<? super HookScript> changes) {
        timeout(timeoutSeconds); // refuse a bad timeout before anything is saved
        HookScript saved = save(caller, environmentId, kind, content, changes);
        return new SavedAndTested(saved, test(caller, environmentId, content, timeoutSeconds, progress));
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    private Duration timeout(Integer seconds) {
        if (seconds == null) {
            return defaultTimeout;
        }
        if (seconds < 1 || seconds > maxTimeout.toSeconds()) {
            throw DomainException.invalid("Field 'timeout_seconds' must be between 1 and " + maxTimeout.toSeconds()
                    + "; got " + seconds + ".");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String validScript(String content) {
        if (content == null) {
            throw DomainException.invalid(
                    "Field 'content' is required: the bash script (an empty string clears " + "the hook).");
        }
        if (content.length() > MAX_SCRIPT_CHARS) {
            throw DomainException.invalid("Field 'content' is " + content.length() + " characters; the limit is "
                    + MAX_SCRIPT_CHARS + ". Move long logic into a script file in the repository.");
        }
        if (content.indexOf('\0') >= 0) {
            throw DomainException.invalid("Field 'content' contains a NUL byte.");
        }
        return content;
    }
}
