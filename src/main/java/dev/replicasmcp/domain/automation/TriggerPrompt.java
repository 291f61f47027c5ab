package dev.replicasmcp.domain.automation;

import java.util.Map;

/**
 * The first message of an automation's replica (spec §7.4): the automation's prompt, a blank line, a
 * {@code ## Trigger Payload} heading, a blank line, and the payload as {@code JSON.stringify(payload, null, 2)}
 * in a json fenced block.
 */
public final class TriggerPrompt {

    private TriggerPrompt() {}

    /** payload: a JSON-shaped value tree (null is the empty object). */
    public static String of(String prompt, Map<String, Object> payload) {
        return prompt + "\n\n## Trigger Payload\n\n```json\n" + PrettyJson.of(payload == null ? Map.of() : payload)
                + "\n```";
    }
}
