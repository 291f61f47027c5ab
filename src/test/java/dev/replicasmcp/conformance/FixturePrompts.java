package dev.replicasmcp.conformance;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/** The prompts of the prompts-* scenarios and the completions of completion-complete. */
final class FixturePrompts {

    static final String WITH_ARGUMENTS = "test_prompt_with_arguments";
    private static final List<String> COMPLETIONS =
            List.of("hello", "paris", "park", "party", "test", "testing", "world");

    private FixturePrompts() {}

    static List<SyncPromptSpecification> all() {
        return List.of(
                prompt(
                        "test_simple_prompt",
                        "A simple prompt without arguments.",
                        List.of(),
                        arguments -> List.of(user(new TextContent("This is a simple prompt for testing.")))),
                prompt(
                        WITH_ARGUMENTS,
                        "A prompt with two required arguments.",
                        List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        arguments -> List.of(user(new TextContent("Prompt with arguments: arg1='"
                                + arguments.get("arg1") + "', arg2='" + arguments.get("arg2") + "'")))),
                prompt(
                        "test_prompt_with_embedded_resource",
                        "A prompt that embeds a resource.",
                        List.of(argument("resourceUri", "URI of the resource to embed")),
                        arguments -> List.of(
                                user(new McpSchema.EmbeddedResource(
                                        null,
                                        new McpSchema.TextResourceContents(
                                                String.valueOf(arguments.get("resourceUri")),
                                                "text/plain",
                                                "Embedded resource content for testing."))),
                                user(new TextContent("Please process the embedded resource above.")))),
                prompt(
                        "test_prompt_with_image",
                        "A prompt with an image.",
                        List.of(),
                        arguments -> List.of(
                                user(new McpSchema.ImageContent(null, FixtureTools.PNG, "image/png")),
                                user(new TextContent("Please analyze the image above.")))));
    }

    /** Values for both arguments of test_prompt_with_arguments that start with what was typed. */
    static List<SyncCompletionSpecification> completions() {
        return List.of(new SyncCompletionSpecification(
                new McpSchema.PromptReference(WITH_ARGUMENTS), (exchange, request) -> {
                    String typed =
                            request.argument() == null || request.argument().value() == null
                                    ? ""
                                    : request.argument().value();
                    List<String> values = COMPLETIONS.stream()
                            .filter(v -> v.startsWith(typed))
                            .toList();
                    return new McpSchema.CompleteResult(
                            new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
                }));
    }

    private interface Messages {
        List<PromptMessage> of(Map<String, Object> arguments);
    }

    private static SyncPromptSpecification prompt(
            String name, String description, List<McpSchema.PromptArgument> arguments, Messages messages) {
        return new SyncPromptSpecification(
                new McpSchema.Prompt(name, description, arguments),
                (exchange, request) -> new GetPromptResult(
                        description, messages.of(request.arguments() == null ? Map.of() : request.arguments())));
    }

    private static McpSchema.PromptArgument argument(String name, String description) {
        return new McpSchema.PromptArgument(name, description, true);
    }

    private static PromptMessage user(McpSchema.Content content) {
        return new PromptMessage(Role.USER, content);
    }
}
