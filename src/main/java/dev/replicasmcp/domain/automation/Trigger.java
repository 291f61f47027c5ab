package dev.replicasmcp.domain.automation;

/** One trigger of an automation: its type and the config of that type (spec §7.2). */
public record Trigger(TriggerType type, TriggerConfig config) {

    public Trigger {
        if (type == null || config == null || config.type() != type) {
            throw new IllegalArgumentException("A trigger's config must be of its type: " + type + ", " + config);
        }
    }

    public static Trigger of(TriggerConfig config) {
        return new Trigger(config.type(), config);
    }
}
