package dev.replicasmcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** Tool calls through an MCP client, checked the way every transport must answer them. */
public final class ToolCalls {

    public static final ObjectMapper JSON = new ObjectMapper();

    private ToolCalls() {}

    public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /**
     * A successful call: structured content that matches the tool's output schema (as the TypeScript SDK
     * client checks it), plus one text block holding the same JSON.
     */
    public static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as("%s %s failed: %s", tool, arguments, text(result))
                .isNotEqualTo(Boolean.TRUE);
        assertThat(result.structuredContent())
                .as("structuredContent of %s", tool)
                .isNotNull();
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertThat(OutputSchemas.errors(tool, structured))
                .as("structuredContent of %s against its outputSchema", tool)
                .isEmpty();
        assertThat(result.content()).as("content of %s", tool).hasSize(1);
        assertThat(parse(text(result)))
                .as("text block of %s equals its structuredContent", tool)
                .isEqualTo(structured);
        return structured;
    }

    /**
     * A failed call: a tool result with isError=true and the message as text, without a stack trace or
     * a Java class name, and no structured content (clients check structuredContent against the tool's
     * outputSchema even on errors, which would hide the message). Answers the text.
     */
    public static String error(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return error(call(client, tool, arguments), tool, arguments);
    }

    /** The checks of {@link #error(McpSyncClient, String, Map)} on a result already in hand. */
    public static String error(CallToolResult result, String tool, Map<String, Object> arguments) {
        String text = text(result);
        assertThat(result.isError())
                .as("%s %s should fail, answered: %s", tool, arguments, text)
                .isTrue();
        assertThat(text)
                .as("error text of %s", tool)
                .isNotBlank()
                .doesNotContain("\tat ", "Exception", "java.", "com.fasterxml");
        assertThat(result.structuredContent())
                .as("structuredContent of failed %s: %s", tool, text)
                .isNull();
        return text;
    }

    public static String text(CallToolResult result) {
        StringBuilder text = new StringBuilder();
        for (McpSchema.Content content : result.content()) {
            if (content instanceof McpSchema.TextContent t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
