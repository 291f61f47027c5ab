package dev.replicasmcp.domain.environment;

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
 * unknown keys are refused so a config for the wrong transport cannot slip through. The config comes as
 * JSON-shaped values (Map, List, String, Number, Boolean), as the front doors read it.
 */
final class McpConfigParser {

    private static final Set<String> STDIO_KEYS = Set.of("command", "args", "env");
    private static final Set<String> HTTP_KEYS = Set.of("url", "headers");

    private McpConfigParser() {}

    static McpConfig parse(McpTransport transport, Object config) {
        if (!(config instanceof Map<?, ?> fields)) {
            throw DomainException.invalid("Field 'config' must be an object: " + example(transport) + ".");
        }
        Set<String> allowed = transport == McpTransport.STDIO ? STDIO_KEYS : HTTP_KEYS;
        for (Object key : fields.keySet()) {
            if (!allowed.contains(key)) {
                throw DomainException.invalid("Field 'config." + key + "' does not belong to transport '"
                        + transport.wire() + "'. Expected " + example(transport) + ".");
            }
        }
        return transport == McpTransport.STDIO ? stdio(fields) : http(fields);
    }

    private static McpConfig stdio(Map<?, ?> config) {
        if (!(config.get("command") instanceof String command) || command.isBlank()) {
            throw DomainException.invalid("Field 'config.command' is required for transport 'stdio': the program "
                    + "to start, e.g. \"npx\".");
        }
        List<String> args = new ArrayList<>();
        Object argsValue = config.get("args");
        if (argsValue != null) {
            if (!(argsValue instanceof List<?> list)) {
                throw DomainException.invalid("Field 'config.args' must be a list of strings.");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String arg)) {
                    throw DomainException.invalid("Field 'config.args[" + i + "]' must be a string.");
                }
                args.add(arg);
            }
        }
        return new McpConfig.Stdio(command, List.copyOf(args), strings(config.get("env"), "config.env"));
    }

    private static McpConfig http(Map<?, ?> config) {
        if (!(config.get("url") instanceof String url) || !isHttpUrl(url)) {
            throw DomainException.invalid(
                    "Field 'config.url' must be an absolute http(s) URL, e.g. " + "\"https://mcp.example.com/mcp\".");
        }
        return new McpConfig.Http(url, strings(config.get("headers"), "config.headers"));
    }

    private static Map<String, String> strings(Object value, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!(value instanceof Map<?, ?> fields)) {
            throw DomainException.invalid("Field '" + field + "' must be an object of string values.");
        }
        fields.forEach((key, item) -> {
            if (!(item instanceof String text)) {
                throw DomainException.invalid("Field '" + field + "." + key + "' must be a string.");
            }
            map.put((String) key, text);
        });
        return map;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute()
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String example(McpTransport transport) {
        return transport == McpTransport.STDIO
                ? "{\"command\": \"npx\", \"args\": [\"-y\", \"server\"], \"env\": {}}"
                : "{\"url\": \"https://mcp.example.com/mcp\", \"headers\": {}}";
    }
}
