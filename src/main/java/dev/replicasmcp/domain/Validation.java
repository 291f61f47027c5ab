package dev.replicasmcp.domain;

import java.util.Arrays;
import java.util.Locale;

/** Small checks shared by the services; every failure names the field and the fix. */
public final class Validation {

    private Validation() {}

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("Field '" + field + "' is required and must not be empty.");
        }
        return value;
    }

    /**
     * A text of at most max characters, counted as a person would (code points, so an emoji is one), with
     * no NUL (which no C program or command line can carry). Null passes: whether it is required is
     * checked apart.
     */
    public static String limited(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        noNul(field, value);
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    "Field '" + field + "' is " + length + " characters; the limit is " + max + ".",
                    null);
        }
        return value;
    }

    /** Refuses a NUL character, which no C program or command line can carry. */
    public static String noNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw DomainException.invalid("Field '" + field + "' contains a NUL character (\\u0000); remove it.");
        }
        return value;
    }

    public static String optionalTrimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Parses an enum given by its lower-case wire name; null stays null. */
    public static <E extends Enum<E> & WireName> E enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        String allowed = String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList());
        throw DomainException.invalid(
                "Field '" + field + "' has unknown value '" + value + "'. Use one of: " + allowed + ".");
    }

    public static String uuid(String field, String value) {
        required(field, value);
        if (!Ids.isUuid(value)) {
            throw DomainException.invalid("Field '" + field + "' must be a UUID like "
                    + "'123e4567-e89b-12d3-a456-426614174000'; got '" + abbreviate(value, 60) + "'.");
        }
        return value;
    }

    public static String abbreviate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
