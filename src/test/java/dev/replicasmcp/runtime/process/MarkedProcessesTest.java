package dev.replicasmcp.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Marked processes are found by their environment's bytes, and only this data folder's are ended. */
class MarkedProcessesTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endStarted() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Test
    void anEnvironmentHoldsTheEntryOnlyWhole() {
        assertThat(List.of(
                        "REPLICAS_DATA_ID=ab12\0PATH=/bin\0",
                        "PATH=/bin\0REPLICAS_DATA_ID=ab12\0",
                        "PATH=/bin\0REPLICAS_DATA_ID=ab12"))
                .allMatch(MarkedProcessesTest::holdsAb12);
        // Another folder's id that starts with this one, the entry inside another one's value, a name that
        // ends with it, nothing: none is this folder's.
        assertThat(List.of("REPLICAS_DATA_ID=ab123\0", "X=REPLICAS_DATA_ID=ab12\0", "XREPLICAS_DATA_ID=ab12\0", ""))
                .noneMatch(MarkedProcessesTest::holdsAb12);
    }

    private static boolean holdsAb12(String environ) {
        return MarkedProcesses.holds(bytes(environ), bytes("REPLICAS_DATA_ID=ab12"));
    }

    @Test
    void theVariablesAreTheReplicasOnes() {
        assertThat(MarkedProcesses.variables(bytes("PATH=/bin\0REPLICAS_CHAT_ID=c-1\0REPLICAS_X=a=b\0")))
                .isEqualTo(Map.of("REPLICAS_CHAT_ID", "c-1", "REPLICAS_X", "a=b"));
    }

    @Test
    void leftoversOfAnEarlierRunEndAndOthersAreLeftAlone() throws Exception {
        ProcessMarker mine = ProcessMarker.unique();
        // An earlier run of this folder: its server pid is no longer alive.
        long deadServer = deadPid();
        Process leftover = sleep(Map.of(ProcessMarker.DATA, mine.dataId(), ProcessMarker.SERVER_PID, "" + deadServer));
        // Another folder's process, and one of this folder whose server is alive (this test's JVM is not it,
        // but a live pid that is not this process stands for a server still running).
        Process otherFolder = sleep(
                Map.of(ProcessMarker.DATA, ProcessMarker.unique().dataId(), ProcessMarker.SERVER_PID, "" + deadServer));
        Process liveServer =
                sleep(Map.of(ProcessMarker.DATA, mine.dataId(), ProcessMarker.SERVER_PID, "" + otherFolder.pid()));

        // Positive, not exactly 1: the second sweep may meet the leftover again before its SIGKILL lands.
        assertThat(new MarkedProcesses(mine).killLeftovers()).isPositive();

        await().atMost(Duration.ofSeconds(10)).until(() -> !leftover.isAlive());
        assertThat(otherFolder.isAlive()).isTrue();
        assertThat(liveServer.isAlive()).isTrue();
        assertThat(new MarkedProcesses(mine).killLeftovers()).isZero();
    }

    private Process sleep(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** A pid no process has: above Linux's largest (pid_max is at most 2^22), so never reused meanwhile. */
    private static long deadPid() {
        long pid = Integer.MAX_VALUE;
        assertThat(ProcessHandle.of(pid)).isEmpty();
        return pid;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
