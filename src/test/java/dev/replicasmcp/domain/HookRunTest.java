package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.audit.ChangeRecorder;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.environment.HookService;
import dev.replicasmcp.domain.hook.HookProgress;
import dev.replicasmcp.domain.hook.HookRun;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hook scripts run as real bash processes: exit codes, interleaved output, limits, timeouts, isolation. */
class HookRunTest {

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    HookService hooks;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("hooks");
        hooks = t.services.contents().hooks();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    HookRun run(String script, Integer timeoutSeconds) {
        return hooks.test(t.caller, env.id(), script, timeoutSeconds, HookProgress.NONE);
    }

    @Test
    void aSucceedingScriptReportsExitZeroAndItsOutput() {
        HookRun run = run("echo hello from the hook\nprintf 'second line'", null);
        assertThat(run.exitCode()).isZero();
        assertThat(run.timedOut()).isFalse();
        assertThat(run.succeeded()).isTrue();
        assertThat(run.output()).isEqualTo("hello from the hook\nsecond line");
        assertThat(run.outputTruncated()).isFalse();
        assertThat(run.outputTotalChars()).isEqualTo(run.output().length());
    }

    @Test
    void aFailingScriptReportsItsExitCodeWithStdoutAndStderrInterleaved() {
        HookRun run = run("echo out-1\necho err-1 >&2\necho out-2\necho err-2 >&2\nexit 3", null);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.timedOut()).isFalse();
        assertThat(run.output()).isEqualTo("out-1\nerr-1\nout-2\nerr-2\n");
        HookRun missing = run("set -e\nno-such-command-here\necho not reached", null);
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.output()).contains("no-such-command-here").doesNotContain("not reached");
    }

    @Test
    void longOutputIsCutTo100000CharactersAndCountedExactly() {
        HookRun run = run("head -c 150000 /dev/zero | tr '\\0' a\necho\necho tail-line", null);
        assertThat(run.exitCode()).isZero();
        assertThat(run.outputTruncated()).isTrue();
        assertThat(run.outputTotalChars()).isEqualTo(150_000 + 1 + "tail-line\n".length());
        assertThat(run.output()).hasSize(HookRun.OUTPUT_LIMIT).matches("a+");
        HookRun exact = run("head -c 100000 /dev/zero | tr '\\0' b", null);
        assertThat(exact.outputTruncated()).isFalse();
        assertThat(exact.output()).hasSize(100_000);
    }

    @Test
    void aScriptPastItsTimeoutIsKilledWithEverythingItStarted() throws Exception {
        Path pids = Files.createDirectories(dir.resolve("pids"));
        t.services.contents().variables().create(t.caller, env.id(), "PID_DIR", pids.toString());
        String script = "echo $$ > \"$PID_DIR/script.pid\"\n"
                + "sleep 300 &\necho $! > \"$PID_DIR/child.pid\"\n"
                + "echo started\nsleep 300\necho never";
        long started = System.nanoTime();
        HookRun run = run(script, 2);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.timedOut()).isTrue();
        assertThat(run.exitCode()).isEqualTo(HookRun.TIMEOUT_EXIT_CODE);
        assertThat(run.output()).contains("started").doesNotContain("never");
        assertThat(run.durationMs()).isBetween(1_900L, 6_000L);
        assertThat(tookMs).as("the call returns near the timeout").isLessThan(8_000L);
        long scriptPid =
                Long.parseLong(Files.readString(pids.resolve("script.pid")).trim());
        long childPid =
                Long.parseLong(Files.readString(pids.resolve("child.pid")).trim());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(running(scriptPid)).as("the script (pid %s)", scriptPid).isFalse();
            assertThat(running(childPid))
                    .as("its background child (pid %s)", childPid)
                    .isFalse();
        });
    }

    @Test
    void aTestRunThatSucceedsLeavesNoBackgroundProcessBehind() throws Exception {
        Path pids = Files.createDirectories(dir.resolve("pids"));
        t.services.contents().variables().create(t.caller, env.id(), "PID_DIR", pids.toString());
        long started = System.nanoTime();
        HookRun run = run("sleep 300 &\necho $! > \"$PID_DIR/child.pid\"\necho done", 20);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).isEqualTo("done\n");
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("not held up by the child")
                .isLessThan(5_000L);
        long childPid =
                Long.parseLong(Files.readString(pids.resolve("child.pid")).trim());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(running(childPid)).isFalse());
    }

    /** Alive and not a zombie waiting for init to reap it. */
    static boolean running(long pid) throws Exception {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return false;
            }
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        }
        return false;
    }

    @Test
    void theServersOwnEnvironmentIsNotVisibleToScripts() {
        t.services.contents().variables().create(t.caller, env.id(), "MINE", "1");
        HookRun run = run("env -0 | tr '\\0' '\\n' | cut -d= -f1", null);
        Set<String> names = new TreeSet<>(Arrays.asList(run.output().split("\n")));
        names.remove("");
        Set<String> allowed = Set.of(
                "PATH",
                "LANG",
                "LC_ALL",
                "TZ",
                "USER",
                "LOGNAME",
                "HOME",
                "PWD",
                "SHLVL",
                "_",
                "OLDPWD",
                "MINE",
                "REPLICAS_DATA_ID",
                "REPLICAS_SERVER_PID");
        assertThat(names)
                .as("variables a hook sees")
                .contains("MINE", "HOME", "PATH")
                .isSubsetOf(allowed);
        assertThat(System.getenv())
                .as("the test JVM has variables the hook must not see")
                .isNotEmpty();
        assertThat(run("echo \"[${REPLICAS_SECRET_KEY:-unset}] [${JAVA_HOME:-unset}] [${MAVEN_OPTS:-unset}]\"", null)
                        .output())
                .isEqualTo("[unset] [unset] [unset]\n");
    }

    @Test
    void filesAreWrittenInTheHomeAndEnvironmentVariablesOverrideGlobalOnes() throws Exception {
        var variables = t.services.contents().variables();
        var files = t.services.contents().files();
        // Values this short are not redacted from the output (longer ones are: see BashHookExecutor).
        variables.create(t.caller, "global", "SHARED", "glob");
        variables.create(t.caller, "global", "GLOBAL_ONLY", "g");
        variables.create(t.caller, env.id(), "SHARED", "envy");
        files.create(t.caller, "global", "g", "~/global.txt", "global file");
        files.create(t.caller, "global", "same", "~/same.txt", "global wins?");
        files.create(t.caller, env.id(), "same", "~/same.txt", "environment wins");
        files.create(t.caller, env.id(), "deep", "~/workspaces/app/.env", "DEEP=1");

        HookRun run = run(
                "echo \"$SHARED $GLOBAL_ONLY\"\n[ \"$PWD\" = \"$HOME\" ] && echo cwd-is-home\n"
                        + "cat ~/global.txt; echo; cat ~/same.txt; echo; cat ~/workspaces/app/.env",
                null);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo("envy g\ncwd-is-home\nglobal file\nenvironment wins\nDEEP=1");
        // The test workspace is isolated and removed: a second run starts from a fresh home.
        assertThat(run("touch ~/leftover && echo made", null).output()).isEqualTo("made\n");
        assertThat(run("[ -e ~/leftover ] && echo present || echo absent", null).output())
                .isEqualTo("absent\n");
    }

    @Test
    void progressIsReportedWhileAScriptRuns() {
        AtomicInteger updates = new AtomicInteger();
        StringBuilder lines = new StringBuilder();
        HookRun run =
                hooks.test(t.caller, env.id(), "echo first\nsleep 2.5\necho done", 10, (elapsedMs, chars, lastLine) -> {
                    updates.incrementAndGet();
                    lines.append(lastLine).append('|');
                });
        assertThat(run.exitCode()).isZero();
        assertThat(updates.get()).isGreaterThanOrEqualTo(1);
        assertThat(lines.toString()).contains("first");
    }

    @Test
    void scriptsAndTimeoutsAreValidatedBeforeAnythingRunsOrIsSaved() {
        Fails.invalid(() -> run(null, null), "'content'");
        Fails.invalid(() -> run("echo", 0), "'timeout_seconds'", "900");
        Fails.invalid(() -> run("echo", 901), "'timeout_seconds'");
        Fails.invalid(() -> run("x".repeat(HookService.MAX_SCRIPT_CHARS + 1), null), "'content'", "100000");
        Fails.invalid(
                () -> hooks.saveAndTest(
                        t.caller, env.id(), HookKind.WARM, "echo", 0, HookProgress.NONE, ChangeRecorder.none()),
                "'timeout_seconds'");
        assertThat(hooks.active(t.caller, env.id(), HookKind.WARM)).isEmpty();
        var saved = hooks.saveAndTest(
                t.caller, env.id(), HookKind.WARM, "exit 5", 5, HookProgress.NONE, ChangeRecorder.none());
        assertThat(saved.test().exitCode()).as("saved whatever the outcome").isEqualTo(5);
        assertThat(saved.hook().version()).isEqualTo(1);
        assertThat(hooks.save(t.caller, env.id(), HookKind.WARM, "echo v2").version())
                .isEqualTo(2);
        assertThat(hooks.active(t.caller, env.id(), HookKind.WARM).orElseThrow().content())
                .isEqualTo("echo v2");
        assertThat(hooks.active(t.caller, env.id(), HookKind.START)).isEmpty();
    }
}
