package dev.replicasmcp.domain.integration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a receiver answers a delivery: the outcome (the REST edge maps it to a status) and a small body.
 * Nothing in it is the secret or more of the payload than the event's name.
 */
public record Reception(Outcome outcome, Map<String, Object> body) {

    public enum Outcome {
        /** Verified and handed to the automations, which run in the background (202). */
        ACCEPTED,
        /** Verified, but not an event any automation can listen for, or a retry already taken (200). */
        IGNORED,
        /** Slack's url_verification: the body holds the challenge to echo (200). */
        CHALLENGE,
        /** No secret, or a bad or missing signature (401); nothing was stored. */
        UNAUTHORIZED,
        /** The organization in the path is not served here (404). */
        UNKNOWN_ORGANIZATION,
        /** Signed, but the body is not a JSON object (400). */
        INVALID,
        /** The server is shutting down and took nothing; the provider retries (503). */
        UNAVAILABLE
    }

    static Reception of(Outcome outcome, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        return new Reception(outcome, body);
    }

    static Reception accepted(TriggerEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", true);
        body.put("event", event.event());
        return new Reception(Outcome.ACCEPTED, body);
    }

    static Reception ignored(String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", false);
        body.put("reason", reason);
        return new Reception(Outcome.IGNORED, body);
    }
}
