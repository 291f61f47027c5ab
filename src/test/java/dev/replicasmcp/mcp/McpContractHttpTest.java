package dev.replicasmcp.mcp;

import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.McpContract;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;

/** The MCP contract over Streamable HTTP: the real HTTP server on port 0, the SDK's client with an API key. */
class McpContractHttpTest extends McpContract {

    private HttpFixture http;
    private McpSyncClient client;

    @Override
    protected McpSyncClient connect(Path folder) {
        http = HttpFixture.start(folder);
        client = http.mcpClient(http.key, endpoint());
        client.initialize();
        client.listTools(); // fills the client's output-schema cache, so results are validated
        return client;
    }

    /** The path of the MCP endpoint the client connects to. */
    protected String endpoint() {
        return "/mcp";
    }

    @Override
    protected void disconnect() {
        if (client != null) {
            client.closeGracefully();
        }
        if (http != null) {
            http.close();
        }
    }
}
