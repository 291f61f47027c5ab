package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** The event providers whose signed webhooks can fire automations (spec §7.2, §9). */
public enum Provider implements WireName {
    GITHUB("GitHub"),
    SLACK("Slack"),
    SENTRY("Sentry");

    private final String title;

    Provider(String title) {
        this.title = title;
    }

    /** The provider's own spelling, for messages. */
    public String title() {
        return title;
    }

    /** Parses a wire name, naming the field and the allowed values when it is unknown. */
    public static Provider parse(String field, String value) {
        return Validation.enumValue(field, Validation.required(field, value), Provider.class);
    }
}
