package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.automation.TriggerConfig.SentryConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one trigger config (plain values), every failure naming the field by its path. */
final class ConfigReader {

    private static final int MAX_ITEMS = 100;
    private static final int MAX_TEXT = 200;

    private final String path;
    private final String type;
    private final Map<String, Object> config;

    ConfigReader(String path, String type, Map<String, Object> config) {
        this.path = path;
        this.type = type;
        this.config = config;
    }

    /** Refuses fields another trigger type has (a config that does not match its type) or no type has. */
    void only(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : new TreeSet<>(config.keySet())) {
            if (!known.contains(key)) {
                throw DomainException.invalid("Field '" + path + "." + key + "' is not part of a " + type
                        + " trigger's config. "
                        + (allowed.length == 0
                                ? "A " + type + " trigger's config is empty: {}."
                                : "Its fields: " + String.join(", ", allowed) + "."));
            }
        }
    }

    String requiredText(String key) {
        String value = text(key);
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field '" + path + "." + key + "' is required for a " + type + " trigger.");
        }
        return value.trim();
    }

    String textOr(String key, String fallback) {
        String value = text(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String event(List<String> events) {
        String value = text("event");
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field '" + path + ".event' is required for a " + type + " trigger. Use "
                    + "one of: " + String.join(", ", events) + ".");
        }
        if (!events.contains(value.trim())) {
            throw DomainException.invalid("Field '" + path + ".event' has unknown " + type + " event '"
                    + abbreviate(value) + "'. Use one of: " + String.join(", ", events) + ".");
        }
        return value.trim();
    }

    String level(String key) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        if (!SentryConfig.LEVELS.contains(value.trim())) {
            throw DomainException.invalid("Field '" + path + "." + key + "' has unknown level '" + abbreviate(value)
                    + "'. Use one of: " + String.join(", ", SentryConfig.LEVELS) + ".");
        }
        return value.trim();
    }

    boolean flag(String key, boolean fallback) {
        Object value = config.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw DomainException.invalid("Field '" + path + "." + key + "' must be true or false.");
        }
        return b;
    }

    List<String> texts(String key) {
        Object value = config.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw DomainException.invalid("Field '" + path + "." + key + "' must be an array of strings.");
        }
        if (list.size() > MAX_ITEMS) {
            throw DomainException.invalid(
                    "Field '" + path + "." + key + "' has " + list.size() + " items; at most " + MAX_ITEMS + ".");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
                throw DomainException.invalid("Field '" + path + "." + key + "[" + i + "]' must be a non-empty "
                        + "string of at most " + MAX_TEXT + " characters.");
            }
            texts.add(s.trim());
        }
        return texts;
    }

    List<String> uuids(String key) {
        List<String> ids = texts(key);
        for (int i = 0; i < ids.size(); i++) {
            if (!Ids.isUuid(ids.get(i))) {
                throw DomainException.invalid("Field '" + path + "." + key + "[" + i + "]' must be a repository id "
                        + "(UUID, see list_repositories); got '" + abbreviate(ids.get(i)) + "'.");
            }
        }
        return ids;
    }

    private String text(String key) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw DomainException.invalid("Field '" + path + "." + key + "' must be a string.");
        }
        if (s.indexOf('\0') >= 0 || s.length() > MAX_TEXT) {
            throw DomainException.invalid(
                    "Field '" + path + "." + key + "' must be at most " + MAX_TEXT + " characters, without NUL.");
        }
        return s;
    }

    private static String abbreviate(String value) {
        return dev.replicasmcp.domain.Validation.abbreviate(value, 60);
    }
}
