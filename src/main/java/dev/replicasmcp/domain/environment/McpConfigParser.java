package dev.replicasmcp.domain.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that an MCP config has the shape of its transport (spec §4.3 MCPs): stdio takes
 * {command, args, env}; http and sse take {url, headers}. Missing args/env/headers default to empty;
 * unknown keys are refused so a config for the wrong transport cannot slip through.
 */
final class McpConfigParser {

    private static final Set<String> STDIO_KEYS = Set.of("command", "args", "env");
    private static final Set<String> HTTP_KEYS = Set.of("url", "headers");

    private McpConfigParser() {
    }

    static McpConfig parse(McpTransport transport, JsonNode config) {
        if (config == null || !config.isObject()) {
            throw DomainException.invalid("Field 'config' must be an object: " + example(transport) + ".");
        }
        Set<String> allowed = transport == McpTransport.STDIO ? STDIO_KEYS : HTTP_KEYS;
        config.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw DomainException.invalid("Field 'config." + key + "' does not belong to transport '"
                        + transport.wire() + "'. Expected " + example(transport) + ".");
            }
        });
        return transport == McpTransport.STDIO ? stdio(config) : http(config);
    }

    private static McpConfig stdio(JsonNode config) {
        JsonNode command = config.get("command");
        if (command == null || !command.isTextual() || command.asText().isBlank()) {
            throw DomainException.invalid("Field 'config.command' is required for transport 'stdio': the program "
                    + "to start, e.g. \"npx\".");
        }
        List<String> args = new ArrayList<>();
        JsonNode argsNode = config.get("args");
        if (argsNode != null && !argsNode.isNull()) {
            if (!argsNode.isArray()) {
                throw DomainException.invalid("Field 'config.args' must be a list of strings.");
            }
            for (int i = 0; i < argsNode.size(); i++) {
                if (!argsNode.get(i).isTextual()) {
                    throw DomainException.invalid("Field 'config.args[" + i + "]' must be a string.");
                }
                args.add(argsNode.get(i).asText());
            }
        }
        return new McpConfig.Stdio(command.asText(), List.copyOf(args), strings(config.get("env"), "config.env"));
    }

    private static McpConfig http(JsonNode config) {
        JsonNode url = config.get("url");
        if (url == null || !url.isTextual() || !isHttpUrl(url.asText())) {
            throw DomainException.invalid("Field 'config.url' must be an absolute http(s) URL, e.g. "
                    + "\"https://mcp.example.com/mcp\".");
        }
        return new McpConfig.Http(url.asText(), strings(config.get("headers"), "config.headers"));
    }

    private static Map<String, String> strings(JsonNode node, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw DomainException.invalid("Field '" + field + "' must be an object of string values.");
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw DomainException.invalid("Field '" + field + "." + entry.getKey() + "' must be a string.");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        });
        return map;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String example(McpTransport transport) {
        return transport == McpTransport.STDIO ? "{\"command\": \"npx\", \"args\": [\"-y\", \"server\"], \"env\": {}}"
                : "{\"url\": \"https://mcp.example.com/mcp\", \"headers\": {}}";
    }
}
