package dev.replicasmcp.e2e;

import dev.replicasmcp.support.McpContract;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MCP contract over stdio: the packaged jar as a subprocess, driven by the SDK's stdio client. */
class McpContractStdioIT extends McpContract {

    @RegisterExtension
    static final ServerLogs LOGS = new ServerLogs();

    private ServerProcess server;

    @Override
    protected McpSyncClient connect(Path folder) {
        server = ServerProcess.start(folder, 0, LOGS);
        return server.client();
    }

    @Override
    protected void disconnect() {
        if (server != null) {
            server.close();
        }
    }
}
