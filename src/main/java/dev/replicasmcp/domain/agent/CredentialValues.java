package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.DomainException;
import java.util.List;
import java.util.Map;

/** Checks a credential's shape and makes its masked hint; messages never repeat the value. */
final class CredentialValues {

    static final int MAX_CHARS = 65_536;
    private static final List<String> BEDROCK_FIELDS = List.of("access_key_id", "secret_access_key", "region");

    private final JsonObjectReader json;

    CredentialValues(JsonObjectReader json) {
        this.json = json;
    }

    String validated(CredentialKind kind, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field 'value' is required: the " + kind.wire() + " secret.");
        }
        String secret = value.strip();
        if (secret.length() > MAX_CHARS) {
            throw DomainException.invalid(
                    "Field 'value' is " + secret.length() + " characters; the limit is " + MAX_CHARS + ".");
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

    private Map<String, Object> json(CredentialKind kind, String secret) {
        // The reader reports no parser message, which could quote the secret.
        return json.readObject(secret)
                .orElseThrow(() -> DomainException.invalid("Field 'value' must be a JSON "
                        + "object for kind '" + kind.wire() + "'"
                        + (kind == CredentialKind.BEDROCK
                                ? ": {\"access_key_id\", \"secret_access_key\", \"region\"}."
                                : ": the content of Codex's ~/.codex/auth.json after `codex login`.")));
    }

    private static void requireBedrock(Map<String, Object> fields) {
        for (String field : BEDROCK_FIELDS) {
            if (!(fields.get(field) instanceof String value) || value.isBlank()) {
                throw DomainException.invalid("Field 'value' of a bedrock credential needs a non-empty '" + field
                        + "' (JSON object with access_key_id, secret_access_key, region; session_token optional).");
            }
        }
    }

    /** A form safe to show: a known prefix and the last four characters, or less for short secrets. */
    String hint(CredentialKind kind, String secret) {
        if (kind == CredentialKind.BEDROCK) {
            Map<String, Object> fields = json(kind, secret);
            return "access key " + tail((String) fields.get("access_key_id")) + ", region " + fields.get("region");
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
