package dev.replicasmcp.runtime.agent;

import java.util.Comparator;
import java.util.List;

/** Replaces secrets in agent output before it is stored or shown anywhere. */
final class Redactor {

    static final String MASK = "[redacted]";
    /** Shorter strings (a region, a flag) are not secrets worth hiding and would mangle ordinary text. */
    private static final int MIN_LENGTH = 8;

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
