package dev.replicasmcp.domain.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.DomainException;
import java.util.List;

/** Checks a credential's shape and makes its masked hint; messages never repeat the value. */
final class CredentialValues {

    static final int MAX_CHARS = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BEDROCK_FIELDS = List.of("access_key_id", "secret_access_key", "region");

    private CredentialValues() {
    }

    static String validated(CredentialKind kind, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field 'value' is required: the " + kind.wire() + " secret.");
        }
        String secret = value.strip();
        if (secret.length() > MAX_CHARS) {
            throw DomainException.invalid("Field 'value' is " + secret.length() + " characters; the limit is "
                    + MAX_CHARS + ".");
        }
        switch (kind) {
            case ANTHROPIC_API_KEY -> requirePrefix(kind, secret, "sk-ant-", "an Anthropic API key");
            case OPENAI_API_KEY -> requirePrefix(kind, secret, "sk-", "an OpenAI API key");
            case CLAUDE_OAUTH -> requireToken(kind, secret);
            case BEDROCK -> requireBedrock(json(kind, secret));
            case OPENAI_OAUTH -> json(kind, secret);
        }
        return secret;
    }

    private static void requirePrefix(CredentialKind kind, String secret, String prefix, String what) {
        requireToken(kind, secret);
        if (!secret.startsWith(prefix)) {
            throw DomainException.invalid("Field 'value' does not look like " + what + " (it should start with '"
                    + prefix + "'). Check that kind '" + kind.wire() + "' is the right one.");
        }
    }

    private static void requireToken(CredentialKind kind, String secret) {
        if (secret.chars().anyMatch(Character::isWhitespace)) {
            throw DomainException.invalid("Field 'value' holds whitespace; a " + kind.wire() + " is one token.");
        }
    }

    private static JsonNode json(CredentialKind kind, String secret) {
        try {
            JsonNode node = JSON.readTree(secret);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // Reported below without the parser's message, which could quote the secret.
        }
        throw DomainException.invalid("Field 'value' must be a JSON object for kind '" + kind.wire() + "'"
                + (kind == CredentialKind.BEDROCK ? ": {\"access_key_id\", \"secret_access_key\", \"region\"}."
                : ": the content of Codex's ~/.codex/auth.json after `codex login`."));
    }

    private static void requireBedrock(JsonNode node) {
        for (String field : BEDROCK_FIELDS) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                throw DomainException.invalid("Field 'value' of a bedrock credential needs a non-empty '" + field
                        + "' (JSON object with access_key_id, secret_access_key, region; session_token optional).");
            }
        }
    }

    /** A form safe to show: a known prefix and the last four characters, or less for short secrets. */
    static String hint(CredentialKind kind, String secret) {
        if (kind == CredentialKind.BEDROCK) {
            JsonNode node = json(kind, secret);
            return "access key " + tail(node.path("access_key_id").asText()) + ", region "
                    + node.path("region").asText();
        }
        if (kind == CredentialKind.OPENAI_OAUTH) {
            return "auth.json (" + secret.length() + " characters)";
        }
        String prefix = secret.startsWith("sk-ant-") ? "sk-ant-" : secret.startsWith("sk-") ? "sk-" : "";
        return secret.length() < 20 ? "…" : prefix + tail(secret);
    }

    private static String tail(String text) {
        return text.length() < 12 ? "…" : "…" + text.substring(text.length() - 4);
    }
}
