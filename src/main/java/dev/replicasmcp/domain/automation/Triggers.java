package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Fields;
import dev.replicasmcp.domain.automation.TriggerConfig.CronConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.CustomConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.GithubConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.SentryConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.SlackConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triggers to and from their plain-value form ({type, config} maps with snake_case keys, as on the wire and
 * in storage). Parsing checks the shape of each config, naming the field (`triggers[1].config.event`); the
 * rules across triggers (uniqueness, cron timing) are {@link TriggerRules}'.
 */
public final class Triggers {

    private static final String SUPPORTED = "cron, github, slack, sentry, custom";

    private Triggers() {}

    /** A trigger given as type and config (plain values), the form callers send. */
    public record Spec(String type, Map<String, Object> config) {}

    public static List<Trigger> parse(List<Spec> specs) {
        List<Trigger> triggers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            triggers.add(parse("triggers[" + i + "]", specs.get(i)));
        }
        return triggers;
    }

    static Trigger parse(String field, Spec spec) {
        if (spec == null) {
            throw DomainException.invalid("Field '" + field + "' is null: give an object {type, config}.");
        }
        TriggerType type = type(field + ".type", spec.type());
        if (spec.config() == null) {
            throw DomainException.invalid("Field '" + field + ".config' is required: give an object for the "
                    + type.wire() + " trigger" + (type == TriggerType.CUSTOM ? " ({} for custom)." : "."));
        }
        ConfigReader c = new ConfigReader(field + ".config", type.wire(), spec.config());
        TriggerConfig config = switch (type) {
            case CRON -> {
                c.only("schedule", "timezone");
                yield new CronConfig(c.requiredText("schedule"), c.textOr("timezone", "UTC"));
            }
            case GITHUB -> {
                c.only("event", "repository_ids", "group_pr_events", "excluded_actors", "attach_to_user");
                yield new GithubConfig(
                        c.event(GithubConfig.EVENTS),
                        c.uuids("repository_ids"),
                        c.flag("group_pr_events", false),
                        c.texts("excluded_actors"),
                        c.flag("attach_to_user", false));
            }
            case SLACK -> {
                c.only("event", "channel_ids", "group_thread_replies");
                yield new SlackConfig(
                        c.event(SlackConfig.EVENTS), c.texts("channel_ids"), c.flag("group_thread_replies", true));
            }
            case SENTRY -> {
                c.only("event", "project_slugs", "min_level");
                yield new SentryConfig(c.event(SentryConfig.EVENTS), c.texts("project_slugs"), c.level("min_level"));
            }
            case CUSTOM -> {
                c.only();
                yield new CustomConfig();
            }
        };
        return new Trigger(type, config);
    }

    private static TriggerType type(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field '" + field + "' is required. Use one of: " + SUPPORTED + ".");
        }
        if (value.trim().equalsIgnoreCase("gitlab")) {
            throw DomainException.invalid("Field '" + field + "': gitlab triggers are not supported by this server "
                    + "(it has no GitLab receiver). Supported types: " + SUPPORTED + ".");
        }
        return Arrays.stream(TriggerType.values())
                .filter(t -> t.wire().equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("Field '" + field + "' has unknown trigger type '" + value
                        + "'. Use one of: " + SUPPORTED + "."));
    }

    /** The plain-value form of a trigger, every config field written (lists as arrays, defaults filled). */
    public static Map<String, Object> toFields(Trigger trigger) {
        return Fields.of("type", trigger.type().wire(), "config", configFields(trigger.config()));
    }

    private static Map<String, Object> configFields(TriggerConfig config) {
        if (config instanceof CronConfig c) {
            return Fields.of("schedule", c.schedule(), "timezone", c.timezone());
        }
        if (config instanceof GithubConfig g) {
            return Fields.of(
                    "event",
                    g.event(),
                    "repository_ids",
                    g.repositoryIds(),
                    "group_pr_events",
                    g.groupPrEvents(),
                    "excluded_actors",
                    g.excludedActors(),
                    "attach_to_user",
                    g.attachToUser());
        }
        if (config instanceof SlackConfig s) {
            return Fields.of(
                    "event", s.event(), "channel_ids", s.channelIds(), "group_thread_replies", s.groupThreadReplies());
        }
        if (config instanceof SentryConfig s) {
            return Fields.of("event", s.event(), "project_slugs", s.projectSlugs(), "min_level", s.minLevel());
        }
        return new LinkedHashMap<>();
    }

    public static List<Map<String, Object>> toFields(List<Trigger> triggers) {
        return triggers.stream().map(Triggers::toFields).toList();
    }

    /** The plain-value form back as specs (storage reads its column this way). */
    @SuppressWarnings("unchecked")
    public static List<Trigger> fromFields(List<Map<String, Object>> stored) {
        return parse(stored.stream()
                .map(m -> new Spec((String) m.get("type"), (Map<String, Object>) m.get("config")))
                .toList());
    }
}
