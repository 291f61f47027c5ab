package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.replicasmcp.domain.chat.HistoryPage;
import dev.replicasmcp.domain.chat.SendMessage;
import dev.replicasmcp.domain.replica.Replica;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryWindowTest {

    TestCore t;
    Replica replica;

    /** Four turns of three events: twelve events, e0..e11. */
    @BeforeAll
    void seed(@TempDir Path dir) throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        replica = t.replica("hist", "m0");
        for (int i = 1; i < 4; i++) {
            t.services
                    .messages()
                    .send(t.caller, replica.id(), new SendMessage("m" + i, null, null, null, null, null, null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> read(null, null).total() == 12);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private HistoryPage read(Integer limit, Integer offset) {
        return t.services.history().read(t.caller, replica.id(), null, limit, offset);
    }

    @Test
    void windowsCountFromTheNewestEnd() {
        HistoryPage last = read(3, 0);
        assertThat(last.events()).hasSize(3);
        assertThat(QueueTest.text(last.events().get(0))).isEqualTo("m3");
        assertThat(last.hasMore()).isTrue();
        assertThat(last.total()).isEqualTo(12);

        HistoryPage previous = read(3, 3);
        assertThat(QueueTest.text(previous.events().get(0))).isEqualTo("m2");

        HistoryPage oldest = read(5, 9);
        assertThat(oldest.events()).hasSize(3);
        assertThat(QueueTest.text(oldest.events().get(0))).isEqualTo("m0");
        assertThat(oldest.hasMore()).isFalse();

        assertThat(read(3, 12).events()).isEmpty();
        assertThat(read(3, 50).hasMore()).isFalse();
        assertThat(read(null, 3).events()).hasSize(9);
        assertThat(read(null, null).threadId()).startsWith("scripted-");
        assertThat(read(null, null).codingAgent().wire()).isEqualTo("scripted");
    }

    @Test
    void badWindowsAreRefused() {
        assertThatThrownBy(() -> read(0, 0)).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> read(1, -1)).hasMessageContaining("'offset'");
        assertThatThrownBy(() -> t.services.history().read(t.caller, replica.id(), "missing", 1, 0))
                .hasMessageContaining("missing");
    }
}
