package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON-RPC error checks shared by the MCP-over-HTTP tests and the tests of the HTTP server's own errors. */
public final class JsonRpcErrors {

    private JsonRpcErrors() {}

    /** A JSON-RPC error object (no exception serialised in it); answers its error member. */
    public static JsonNode assertJsonRpcError(String body, Integer id) throws Exception {
        JsonNode node = HttpFixture.JSON.readTree(body);
        assertThat(node.path("jsonrpc").asText()).as(body).isEqualTo("2.0");
        assertThat(node.has("id")).as(body).isTrue();
        if (id != null) {
            assertThat(node.path("id").asInt()).as(body).isEqualTo(id);
        }
        assertThat(node.path("error").path("code").isInt()).as(body).isTrue();
        assertThat(node.path("error").path("message").asText()).as(body).isNotBlank();
        assertThat(body)
                .doesNotContain("stackTrace", "\tat ", "localizedMessage", "Exception", "java.", "`", "jackson");
        assertThat(node.size()).as(body).isEqualTo(3);
        return node.path("error");
    }
}
