package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.WireName;

/** What happens to a replica when its work is done or it goes idle (spec §3.3); stored verbatim. */
public enum LifecyclePolicy implements WireName {
    DEFAULT,
    DELETE_WHEN_DONE,
    DELETE_AFTER_INACTIVITY,
    SLEEP_WHEN_DONE,
    ARCHIVE_WHEN_DONE;

    /** Parses a wire name; null stays null, anything unknown is an error naming the field. */
    public static LifecyclePolicy parse(String field, String value) {
        return Validation.enumValue(field, value, LifecyclePolicy.class);
    }
}
