package dev.replicasmcp.conformance;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resources of the resources-* scenarios: two static ones, one to subscribe to, and one template. */
final class FixtureResources {

    private static final Pattern TEMPLATE = Pattern.compile("test://template/([A-Za-z0-9_.-]+)/data");

    private FixtureResources() {}

    static List<SyncResourceSpecification> resources() {
        return List.of(
                text(
                        "test://static-text",
                        "static-text",
                        "A static text resource.",
                        "This is the content of the static text resource."),
                new SyncResourceSpecification(
                        resource(
                                "test://static-binary",
                                "static-binary",
                                "A static binary resource (a 1x1 PNG).",
                                "image/png"),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.BlobResourceContents(request.uri(), "image/png", FixtureTools.PNG)))),
                text(
                        "test://watched-resource",
                        "watched-resource",
                        "A resource clients may subscribe to.",
                        "Watched resource content."));
    }

    static List<SyncResourceTemplateSpecification> templates() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate("test://template/{id}/data")
                .name("template-data")
                .description("A resource template: the id is substituted into the content.")
                .mimeType("application/json")
                .build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher matcher = TEMPLATE.matcher(request.uri());
            if (!matcher.matches()) {
                throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                        .message("No resource " + request.uri())
                        .build();
            }
            String id = matcher.group(1);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(
                    request.uri(),
                    "application/json",
                    "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}")));
        }));
    }

    private static SyncResourceSpecification text(String uri, String name, String description, String content) {
        return new SyncResourceSpecification(
                resource(uri, name, description, "text/plain"),
                (exchange, request) -> new McpSchema.ReadResourceResult(
                        List.of(new McpSchema.TextResourceContents(request.uri(), "text/plain", content))));
    }

    private static McpSchema.Resource resource(String uri, String name, String description, String mimeType) {
        return McpSchema.Resource.builder()
                .uri(uri)
                .name(name)
                .description(description)
                .mimeType(mimeType)
                .build();
    }
}
