package dev.replicasmcp.conformance;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The tools the conformance suite's server scenarios call (tools-call-*, elicitation-*, json-schema-*). */
final class FixtureTools {

    /** A 1x1 red PNG. */
    static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQD3A0FDAAAAAElFTkSuQmCC";
    /** 1 ms of silence: 8 kHz, mono, 16-bit PCM WAV. */
    static final String WAV = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());

    private FixtureTools() {}

    static List<SyncToolSpecification> all() {
        return List.of(
                tool(
                        "test_simple_text",
                        "Returns one text block.",
                        NO_ARGUMENTS,
                        (exchange, request) -> text("This is a simple text response for testing.")),
                tool(
                        "test_image_content",
                        "Returns one PNG image block.",
                        NO_ARGUMENTS,
                        (exchange, request) -> CallToolResult.builder()
                                .addContent(new McpSchema.ImageContent(null, PNG, "image/png"))
                                .build()),
                tool(
                        "test_audio_content",
                        "Returns one WAV audio block.",
                        NO_ARGUMENTS,
                        (exchange, request) -> CallToolResult.builder()
                                .addContent(new McpSchema.AudioContent(null, WAV, "audio/wav"))
                                .build()),
                tool(
                        "test_embedded_resource",
                        "Returns one embedded text resource.",
                        NO_ARGUMENTS,
                        (exchange, request) -> CallToolResult.builder()
                                .addContent(new McpSchema.EmbeddedResource(
                                        null,
                                        new McpSchema.TextResourceContents(
                                                "test://embedded-resource",
                                                "text/plain",
                                                "This is an embedded resource content.")))
                                .build()),
                tool(
                        "test_multiple_content_types",
                        "Returns a text, an image and an embedded resource.",
                        NO_ARGUMENTS,
                        (exchange, request) -> CallToolResult.builder()
                                .addTextContent("Multiple content types test:")
                                .addContent(new McpSchema.ImageContent(null, PNG, "image/png"))
                                .addContent(new McpSchema.EmbeddedResource(
                                        null,
                                        new McpSchema.TextResourceContents(
                                                "test://mixed-content-resource",
                                                "application/json",
                                                "{\"test\":\"data\",\"value\":123}")))
                                .build()),
                tool(
                        "test_tool_with_logging",
                        "Sends three info log notifications while it runs.",
                        NO_ARGUMENTS,
                        FixtureTools::withLogging),
                tool(
                        "test_error_handling",
                        "Always fails with isError.",
                        NO_ARGUMENTS,
                        (exchange, request) -> error("This tool intentionally returns an error for testing")),
                tool(
                        "test_tool_with_progress",
                        "Reports progress 0, 50 and 100 of 100 when given a token.",
                        NO_ARGUMENTS,
                        FixtureTools::withProgress),
                tool(
                        "test_sampling",
                        "Asks the client's model (sampling/createMessage) and returns its answer.",
                        objectSchema("prompt", "The prompt to send to the LLM"),
                        FixtureTools::sampling),
                tool(
                        "test_elicitation",
                        "Asks the user for a username and an email (elicitation/create).",
                        objectSchema("message", "The message to show the user"),
                        FixtureTools::elicitation),
                tool(
                        "test_elicitation_sep1034_defaults",
                        "Elicits fields of every primitive type with defaults.",
                        NO_ARGUMENTS,
                        (exchange, request) ->
                                elicit(exchange, "Please review your information", FixtureSchemas.SEP1034_DEFAULTS)),
                tool(
                        "test_elicitation_sep1330_enums",
                        "Elicits the five enum variants of SEP-1330.",
                        NO_ARGUMENTS,
                        (exchange, request) ->
                                elicit(exchange, "Please choose your options", FixtureSchemas.SEP1330_ENUMS)),
                tool(
                        "json_schema_2020_12_tool",
                        "Tool with JSON Schema 2020-12 features",
                        FixtureSchemas.JSON_SCHEMA_2020_12,
                        (exchange, request) -> text("JSON Schema 2020-12 tool called with " + request.arguments())),
                tool(
                        "test_reconnection",
                        "Answers after a short pause (SSE polling scenario).",
                        NO_ARGUMENTS,
                        (exchange, request) -> {
                            pause(100);
                            return text("Reconnection test completed");
                        }));
    }

    private static CallToolResult withLogging(McpSyncServerExchange exchange, CallToolRequest request) {
        log(exchange, "Tool execution started");
        pause(50);
        log(exchange, "Tool processing data");
        pause(50);
        log(exchange, "Tool execution completed");
        return text("Tool with logging executed successfully");
    }

    private static CallToolResult withProgress(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.progressToken();
        for (int progress : new int[] {0, 50, 100}) {
            if (token != null) {
                exchange.progressNotification(
                        new McpSchema.ProgressNotification(token, progress, 100.0, "Progress " + progress + "/100"));
            }
            if (progress < 100) {
                pause(50);
            }
        }
        return text("Tool with progress executed successfully");
    }

    private static CallToolResult sampling(McpSyncServerExchange exchange, CallToolRequest request) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.sampling() == null) {
            return error("The client does not support sampling (no 'sampling' capability).");
        }
        String prompt = String.valueOf(request.arguments().getOrDefault("prompt", ""));
        McpSchema.CreateMessageResult result = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, new TextContent(prompt))))
                .maxTokens(100)
                .build());
        String answer = result.content() instanceof TextContent t ? t.text() : String.valueOf(result.content());
        return text("LLM response: " + answer);
    }

    private static CallToolResult elicitation(McpSyncServerExchange exchange, CallToolRequest request) {
        String message = String.valueOf(request.arguments().getOrDefault("message", ""));
        return elicit(exchange, message, FixtureSchemas.USER_AND_EMAIL);
    }

    private static CallToolResult elicit(McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.elicitation() == null) {
            return error("The client does not support elicitation (no 'elicitation' capability).");
        }
        McpSchema.ElicitResult result = exchange.createElicitation(
                McpSchema.ElicitRequest.builder(message, schema).build());
        return text("Elicitation completed: action=" + result.action().name().toLowerCase() + ", content="
                + result.content());
    }

    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> inputSchema,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> call) {
        return new SyncToolSpecification(
                McpSchema.Tool.builder()
                        .name(name)
                        .description(description)
                        .inputSchema(inputSchema)
                        .build(),
                call);
    }

    /** An object with one required string property. */
    private static Map<String, Object> objectSchema(String property, String description) {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(property, Map.of("type", "string", "description", description)),
                "required",
                List.of(property));
    }

    private static void log(McpSyncServerExchange exchange, String message) {
        exchange.loggingNotification(
                new McpSchema.LoggingMessageNotification(McpSchema.LoggingLevel.INFO, "conformance", message));
    }

    static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).build();
    }

    private static CallToolResult error(String text) {
        return CallToolResult.builder().isError(true).addTextContent(text).build();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
