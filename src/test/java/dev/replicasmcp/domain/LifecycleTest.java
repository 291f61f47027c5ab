package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.chat.SendResult;
import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.replica.CreateReplica;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.domain.replica.ReplicaDetails;
import dev.replicasmcp.domain.replica.ReplicaStatus;
import dev.replicasmcp.support.MutableClock;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sleep after idle, archive after 7 days asleep, wake on read and send, and each lifecycle_policy. */
class LifecycleTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    MutableClock clock = MutableClock.startingNow();
    TestCore t;
    Environment env;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO, clock);
        env = t.environment("life");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    Replica create(String name, String policy) {
        return t.services
                .replicas()
                .create(
                        t.caller,
                        new CreateReplica(name, "first", env.id(), null, null, null, null, null, policy, null, null))
                .replica();
    }

    /** Read through list_replicas, which never wakes a replica. */
    Optional<Replica> find(Replica replica) {
        return t.services.replicas().list(t.caller, 1, 100, null, null, null).replicas().stream()
                .filter(r -> r.id().equals(replica.id()))
                .findFirst();
    }

    ReplicaStatus status(Replica replica) {
        return find(replica).orElseThrow().status();
    }

    /** The first turn has finished and nothing is processing. */
    void awaitIdle(Replica replica) {
        await().atMost(PATIENCE)
                .until(() -> find(replica)
                        .map(r -> r.status() != ReplicaStatus.ACTIVE
                                || t.services.chats().list(t.caller, r.id()).chats().stream()
                                        .noneMatch(c -> c.processing()))
                        .orElse(true));
    }

    void pass(Duration later) {
        clock.advance(later);
        t.core.policies().pass();
    }

    List<String> userTexts(Replica replica) {
        return t.services.history().read(t.caller, replica.id(), null, null, null).events().stream()
                .filter(e -> e.type().equals("claude-user"))
                .map(QueueTest::text)
                .toList();
    }

    @Test
    void anIdleReplicaSleepsAfterTheIdleWindowIsArchivedAfterSevenDaysAndWakesOnRead() {
        Replica replica = create("sleeper", null);
        awaitIdle(replica);
        pass(Duration.ofMinutes(59));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.ACTIVE);
        pass(Duration.ofMinutes(2));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.SLEEPING);
        pass(Duration.ofDays(6));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.SLEEPING);
        pass(Duration.ofDays(1).plusMinutes(1));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.ARCHIVED);

        ReplicaDetails waking = t.services.replicas().get(t.caller, replica.id(), Set.of());
        assertThat(waking.waking()).isTrue();
        assertThat(waking.repositoryStatuses()).isEmpty();
        await().atMost(PATIENCE).until(() -> status(replica) == ReplicaStatus.ACTIVE);
        ReplicaDetails awake = t.services.replicas().get(t.caller, replica.id(), Set.of());
        assertThat(awake.waking()).isFalse();
        assertThat(awake.repositoryStatuses())
                .singleElement()
                .satisfies(s -> assertThat(s.branch()).isEqualTo("replicas/sleeper"));
        // Waking counts as activity: the next pass does not put it straight back to sleep.
        pass(Duration.ofMinutes(1));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.ACTIVE);
    }

    @Test
    void anArchivedReplicaWakesOnSendAndGetsItsHeldMessagesInOrder() {
        Replica replica = create("held", null);
        awaitIdle(replica);
        pass(Duration.ofMinutes(61));
        pass(Duration.ofDays(7).plusMinutes(1));
        assertThat(status(replica)).isEqualTo(ReplicaStatus.ARCHIVED);

        SendResult one = t.services
                .messages()
                .send(t.caller, replica.id(), new SendMessage("one", null, null, null, null, null, null));
        SendResult two = t.services
                .messages()
                .send(t.caller, replica.id(), new SendMessage("two", null, null, null, null, null, null));
        assertThat(one.status()).isEqualTo(SendResult.Status.WAKING);
        assertThat(two.status()).isEqualTo(SendResult.Status.WAKING);
        await().atMost(PATIENCE)
                .until(() -> status(replica) == ReplicaStatus.ACTIVE
                        && userTexts(replica).size() == 3);
        assertThat(userTexts(replica)).containsExactly("first", "one", "two");
    }

    @Test
    void aReplicaWithAChatStillProcessingStaysAwake() throws Exception {
        MutableClock slowClock = MutableClock.startingNow();
        try (TestCore slow = new TestCore(dir.resolve("slow"), Duration.ofSeconds(30), slowClock)) {
            Replica replica = slow.replica("busy", "take your time");
            slowClock.advance(Duration.ofHours(3));
            slow.core.policies().pass();
            assertThat(slow.services
                            .replicas()
                            .list(slow.caller, null, null, null, null, null)
                            .replicas()
                            .get(0)
                            .status())
                    .isEqualTo(ReplicaStatus.ACTIVE);
            assertThat(replica.id()).isNotEmpty();
        }
    }

    @Test
    void deleteWhenDoneDeletesTheReplicaAndItsFolderOnceTheAgentFinishes() {
        Replica replica = create("ci-job", "delete_when_done");
        // The row goes first (nothing new reaches the replica), the folder right after.
        await().atMost(PATIENCE).until(() -> find(replica).isEmpty() && !Files.exists(t.home(replica.id())));
    }

    @Test
    void sleepWhenDoneSleepsAfterEachTurnAndWakesForTheNextMessage() {
        Replica replica = create("napper", "sleep_when_done");
        await().atMost(PATIENCE).until(() -> status(replica) == ReplicaStatus.SLEEPING);
        SendResult again = t.services
                .messages()
                .send(t.caller, replica.id(), new SendMessage("again", null, null, null, null, null, null));
        assertThat(again.status()).isEqualTo(SendResult.Status.WAKING);
        // Asleep again (not waking) means the second turn ran; reading the history then wakes it once more.
        await().atMost(PATIENCE)
                .until(() -> status(replica) == ReplicaStatus.SLEEPING
                        && !find(replica).orElseThrow().waking());
        assertThat(userTexts(replica)).as("read while waking: empty").isEmpty();
        await().atMost(PATIENCE).until(() -> status(replica) == ReplicaStatus.ACTIVE);
        assertThat(userTexts(replica)).containsExactly("first", "again");
    }

    @Test
    void archiveWhenDoneArchivesOnceTheAgentFinishes() {
        Replica replica = create("filed", "archive_when_done");
        await().atMost(PATIENCE).until(() -> status(replica) == ReplicaStatus.ARCHIVED);
        assertThat(t.home(replica.id())).isDirectory();
    }

    @Test
    void deleteAfterInactivityDeletesInsteadOfSleepingAndTheDefaultPolicyStaysUpUntilIdle() throws Exception {
        Replica temporary = create("temporary", "delete_after_inactivity");
        Replica regular = create("regular", "default");
        awaitIdle(temporary);
        awaitIdle(regular);
        Thread.sleep(300);
        assertThat(status(temporary)).isEqualTo(ReplicaStatus.ACTIVE);
        assertThat(status(regular)).as("default: done is not a reason to sleep").isEqualTo(ReplicaStatus.ACTIVE);
        pass(Duration.ofMinutes(30));
        assertThat(find(temporary)).isPresent();
        pass(Duration.ofMinutes(31));
        assertThat(find(temporary)).isEmpty();
        assertThat(t.home(temporary.id())).doesNotExist();
        assertThat(status(regular)).isEqualTo(ReplicaStatus.SLEEPING);
    }
}
