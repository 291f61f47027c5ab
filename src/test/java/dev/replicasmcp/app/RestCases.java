package dev.replicasmcp.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hostile requests made of one documented operation: its path parameters, query parameters and body
 * fields each given hostile values in turn, the rest real (ids of things that exist), plus bodies that are
 * not what the operation reads at all.
 */
final class RestCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PARAMETER = 3;
    private static final List<String> BAD_BODIES =
            List.of("null", "[]", "not json", "{", "\"text\"", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");

    private RestCases() {}

    static List<RestCase> of(
            JsonNode document,
            String template,
            String method,
            JsonNode operation,
            Map<String, String> ids,
            HostileValues hostile)
            throws JsonProcessingException {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                pathParams.add(parameter.path("name").asText());
            } else if (in.equals("query")) {
                queryParams.add(parameter.path("name").asText());
            }
        }
        JsonNode schema = resolve(
                document,
                operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema"));
        boolean hasBody = !schema.isMissingNode();
        Map<String, String> real = new LinkedHashMap<>();
        pathParams.forEach(name -> real.put(name, realId(template, name, ids)));
        String baseBody = hasBody ? JSON.writeValueAsString(baseBody(schema, ids)) : null;

        List<RestCase> cases = new ArrayList<>();
        cases.add(new RestCase(method, path(template, real, Map.of()), baseBody));
        int n = 0;
        for (String name : pathParams) {
            for (int i = 0; i < PER_PARAMETER; i++) {
                Map<String, String> values = new LinkedHashMap<>(real);
                values.put(name, inUrl(hostile.get(n++ * 7 + template.length())));
                cases.add(new RestCase(method, path(template, values, Map.of()), baseBody));
            }
        }
        for (String name : queryParams) {
            for (int i = 0; i < PER_PARAMETER; i++) {
                cases.add(new RestCase(
                        method,
                        path(template, real, Map.of(name, inUrl(hostile.get(n++ * 5 + name.length())))),
                        baseBody));
            }
        }
        if (hasBody) {
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                String field = it.next();
                for (int i = 0; i < PER_PARAMETER; i++) {
                    Map<String, Object> body = baseBody(schema, ids);
                    body.put(field, hostile.get(n++ * 3 + field.length()));
                    cases.add(new RestCase(method, path(template, real, Map.of()), JSON.writeValueAsString(body)));
                }
            }
            BAD_BODIES.forEach(body -> cases.add(new RestCase(method, path(template, real, Map.of()), body)));
        }
        return cases;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : schema;
    }

    /**
     * A hostile value as a path or query parameter, at most {@link #URL_CHARACTERS} characters (6 KiB even
     * when each is a percent-encoded emoji): a longer one makes a request line beyond the server's 8 KiB of
     * headers, which the server answers 431 and closes while the client may still be writing, so the answer
     * can be lost to the reset (a race of TCP, not of the server; JettyErrorsTest checks that answer on a
     * raw socket).
     */
    private static String inUrl(Object hostile) {
        String value = String.valueOf(hostile);
        return value.codePointCount(0, value.length()) <= URL_CHARACTERS
                ? value
                : value.substring(0, value.offsetByCodePoints(0, URL_CHARACTERS));
    }

    private static final int URL_CHARACTERS = 500;

    /** The ids the body names, real; nothing else, so that the hostile field is what the server judges. */
    private static Map<String, Object> baseBody(JsonNode schema, Map<String, String> ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (ids.containsKey(field)) {
                body.put(field, ids.get(field));
            }
        }
        return body;
    }

    /** A real id for a path parameter where one fits; a fresh unknown one otherwise. */
    private static String realId(String template, String name, Map<String, String> ids) {
        if (name.equals("environmentId") || (name.equals("id") && template.startsWith("/v1/environments/{id}"))) {
            return ids.get("environment_id");
        }
        if (name.equals("id") && template.startsWith("/v1/replica/{id}")) {
            return ids.get("replica_id");
        }
        if (name.equals("chatId")) {
            return ids.get("chat_id");
        }
        return UUID.randomUUID().toString();
    }

    private static String path(String template, Map<String, String> params, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", HostileInputTest.encode(p.getValue()));
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) ->
                    q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(HostileInputTest.encode(v)));
            path += q;
        }
        return path;
    }
}
