package dev.replicasmcp.mcp;

/**
 * The whole MCP contract again at /v1/mcp, the path of the hosted Replicas MCP endpoint: the same
 * servlet behind the same guard and keys answers there exactly as at /mcp.
 */
class McpContractV1HttpTest extends McpContractHttpTest {

    @Override
    protected String endpoint() {
        return "/v1/mcp";
    }
}
