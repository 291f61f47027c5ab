package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.agent.CredentialKind;
import dev.replicasmcp.domain.agent.TurnContext;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of an agent process, built from nothing: the PATH and locale, HOME = the workspace
 * home, the environment's merged variables, then the credential. Nothing else of the server's own
 * environment (REPLICAS_SECRET_KEY, REPLICAS_API_KEY, ...) reaches the agent.
 */
final class AgentEnvironment {

    private static final List<String> PASSED_THROUGH = List.of("LANG", "LC_ALL", "TZ", "USER", "LOGNAME");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentEnvironment() {}

    static Map<String, String> build(String searchPath, Path home, TurnContext context) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", searchPath);
        PASSED_THROUGH.forEach(key -> {
            String value = System.getenv(key);
            if (value != null) {
                env.put(key, value);
            }
        });
        env.put("HOME", home.toString());
        env.putAll(context.variables());
        for (Map.Entry<CredentialKind, String> credential :
                context.credentials().entrySet()) {
            put(env, home, credential.getKey(), credential.getValue());
        }
        return env;
    }

    private static void put(Map<String, String> env, Path home, CredentialKind kind, String secret) throws IOException {
        switch (kind) {
            case CLAUDE_OAUTH, ANTHROPIC_API_KEY -> env.put(kind.variable(), secret);
            case OPENAI_API_KEY -> {
                env.put(kind.variable(), secret);
                env.put("CODEX_API_KEY", secret);
            }
            case BEDROCK -> {
                JsonNode node = JSON.readTree(secret);
                env.put("CLAUDE_CODE_USE_BEDROCK", "1");
                env.put("AWS_ACCESS_KEY_ID", node.path("access_key_id").asText());
                env.put("AWS_SECRET_ACCESS_KEY", node.path("secret_access_key").asText());
                env.put("AWS_REGION", node.path("region").asText());
                if (node.path("session_token").isTextual()) {
                    env.put("AWS_SESSION_TOKEN", node.path("session_token").asText());
                }
            }
            case OPENAI_OAUTH -> writeOwnerOnly(home.resolve(".codex").resolve("auth.json"), secret);
        }
    }

    /** Codex reads its ChatGPT sign-in only from ~/.codex/auth.json. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        OwnerOnly.createFile(file);
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Every secret string of the turn, for redaction: the values of the environment's variables, and the
     * credentials' whole values and the strings inside JSON ones.
     */
    static List<String> secrets(TurnContext context) {
        List<String> secrets = new ArrayList<>(context.variables().values());
        for (String value : context.credentials().values()) {
            secrets.add(value);
            if (value.startsWith("{")) {
                try {
                    collect(JSON.readTree(value), secrets);
                } catch (IOException e) {
                    // Not JSON after all: the whole value is already listed.
                }
            }
        }
        return secrets;
    }

    private static void collect(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else {
            // A region names a place, not a secret.
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("region")) {
                    collect(field.getValue(), into);
                }
            });
        }
    }
}
