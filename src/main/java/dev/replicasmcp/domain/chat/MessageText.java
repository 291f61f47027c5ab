package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;

/** A message's text with a leading `/plan` detected and stripped (spec §3.7). */
public record MessageText(String text, boolean planMode) {

    public static final int MAX_CHARS = 100_000;

    public static MessageText parse(String field, String raw, Boolean planMode) {
        Validation.required(field, raw);
        if (raw.codePointCount(0, raw.length()) > MAX_CHARS) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    "Field '" + field + "' is "
                            + raw.codePointCount(0, raw.length()) + " characters; the limit is " + MAX_CHARS
                            + ". Split it into several messages.",
                    null);
        }
        Validation.limited(field, raw, MAX_CHARS);
        String trimmed = raw.strip();
        boolean plan = Boolean.TRUE.equals(planMode);
        if (trimmed.equals("/plan") || trimmed.startsWith("/plan ") || trimmed.startsWith("/plan\n")) {
            plan = true;
            trimmed = trimmed.substring("/plan".length()).strip();
            if (trimmed.isEmpty()) {
                throw DomainException.invalid("Field '" + field + "' holds only '/plan'. Write what to plan after it.");
            }
        }
        return new MessageText(trimmed, plan);
    }
}
