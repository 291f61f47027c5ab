package dev.replicasmcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * Turns a batch of tool additions into one notifications/tools/list_changed. The SDK's addTool notifies
 * clients after every single tool once tools.listChanged is declared, so enabling a toolset of twelve
 * tools would make each client list the tools twelve times. While the gate is held, that notification
 * is dropped at the transport; whoever held it sends one when done.
 */
final class ListChangedGate {

    private final AtomicBoolean held = new AtomicBoolean();

    void hold() {
        held.set(true);
    }

    void release() {
        held.set(false);
    }

    private Mono<Void> unlessHeld(String method, java.util.function.Supplier<Mono<Void>> send) {
        return Mono.defer(() -> held.get() && McpSchema.METHOD_NOTIFICATION_TOOLS_LIST_CHANGED.equals(method)
                ? Mono.empty()
                : send.get());
    }

    McpServerTransportProvider wrap(McpServerTransportProvider delegate) {
        return new McpServerTransportProvider() {
            @Override
            public void setSessionFactory(McpServerSession.Factory factory) {
                delegate.setSessionFactory(factory);
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return unlessHeld(method, () -> delegate.notifyClients(method, params));
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return unlessHeld(method, () -> delegate.notifyClient(sessionId, method, params));
            }

            @Override
            public void close() {
                delegate.close();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return delegate.closeGracefully();
            }

            @Override
            public List<String> protocolVersions() {
                return delegate.protocolVersions();
            }
        };
    }

    McpStreamableServerTransportProvider wrap(McpStreamableServerTransportProvider delegate) {
        return new McpStreamableServerTransportProvider() {
            @Override
            public void setSessionFactory(McpStreamableServerSession.Factory factory) {
                delegate.setSessionFactory(factory);
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return unlessHeld(method, () -> delegate.notifyClients(method, params));
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return unlessHeld(method, () -> delegate.notifyClient(sessionId, method, params));
            }

            @Override
            public void close() {
                delegate.close();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return delegate.closeGracefully();
            }

            @Override
            public List<String> protocolVersions() {
                return delegate.protocolVersions();
            }
        };
    }
}
