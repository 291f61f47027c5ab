package dev.replicasmcp.domain.agent;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON object from text, for credentials that are JSON documents (Bedrock keys, Codex's
 * auth.json). A port, so the domain checks their shape without depending on a JSON library.
 */
@FunctionalInterface
public interface JsonObjectReader {

    /**
     * The object's fields as JSON-shaped values (Map, List, String, Number, Boolean, null); empty when the
     * text is not a JSON object. Never throws: a parser's message could quote the secret.
     */
    Optional<Map<String, Object>> readObject(String text);
}
