package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A call may run on the reading thread only for a read-only tool or a send, after the start, with no other call running. */
class QuickCallsTest {

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final QuickCalls quick = new QuickCalls(Set.of("list_replicas"), started::get, inFlight::get);

    @Test
    void aReadIsQuickOnlyOnceTheCoreHasStartedAndWhileNoOtherCallRuns() {
        assertThat(quick.test("list_replicas"))
                .as("before the core has started")
                .isFalse();
        started.set(true);
        assertThat(quick.test("list_replicas")).isTrue();
        inFlight.set(1);
        assertThat(quick.test("list_replicas")).as("another call running").isFalse();
        inFlight.set(0);
        assertThat(quick.test("create_replica")).as("a tool not among them").isFalse();
    }

    @Test
    void theCataloguesQuickToolsAreItsReadsAndTheSend() {
        assertThat(QuickCalls.tools(ToolCatalog.generated()))
                .contains("list_replicas", "get_replica", "read_replica_history", "list_chats", "send_replica_message")
                .doesNotContain("create_replica", "delete_replica", "create_chat", "update_environment");
    }
}
