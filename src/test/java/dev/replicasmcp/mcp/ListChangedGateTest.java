package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** While held, the gate drops tools/list_changed (and only that) on its way to the clients. */
class ListChangedGateTest {

    private final List<String> sent = new ArrayList<>();

    private final McpServerTransportProvider recording = new McpServerTransportProvider() {
        @Override
        public void setSessionFactory(McpServerSession.Factory factory) {}

        @Override
        public Mono<Void> notifyClients(String method, Object params) {
            return Mono.fromRunnable(() -> sent.add(method));
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    };

    @Test
    void aHeldGateDropsOnlyToolListChanges() {
        ListChangedGate gate = new ListChangedGate();
        McpServerTransportProvider provider = gate.wrap(recording);
        gate.hold();
        provider.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
                .block();
        provider.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
                .block();
        provider.notifyClients(McpSchema.METHOD_NOTIFICATION_PROMPTS_LIST_CHANGED, null)
                .block();
        gate.release();
        provider.notifyClients(McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED, null)
                .block();
        assertThat(sent)
                .containsExactly(
                        McpSchema.METHOD_NOTIFICATION_PROMPTS_LIST_CHANGED,
                        McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED);
    }
}
