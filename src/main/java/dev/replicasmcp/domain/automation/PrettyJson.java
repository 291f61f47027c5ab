package dev.replicasmcp.domain.automation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON-shaped value tree (Map, List, String, Number, Boolean, null) as JavaScript's
 * {@code JSON.stringify(value, null, 2)} does, byte for byte: the prompt format of spec §7.4 is defined by
 * it. Here rather than at the edge because the format is domain behaviour; it needs no JSON library.
 */
final class PrettyJson {

    private static final String INDENT = "  ";

    private PrettyJson() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean bool) {
            out.append(bool);
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else if (value instanceof List<?> list) {
            array(out, list, indent);
        } else {
            string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + INDENT;
        out.append("{\n");
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(first ? "" : ",\n").append(inner);
            string(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), inner);
            first = false;
        }
        out.append('\n').append(indent).append('}');
    }

    private static void array(StringBuilder out, List<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + INDENT;
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(inner);
            write(out, list.get(i), inner);
        }
        out.append('\n').append(indent).append(']');
    }

    /** Escapes as JSON.stringify: the short escapes, other controls and lone surrogates as lowercase \\u. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || lone(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean lone(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** Integers as they are; other numbers as JavaScript prints a double (1.0 → 1, 1e21 → 1e+21). */
    static String number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.toString();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.toString() : javascript(big.doubleValue());
        }
        if (number instanceof BigDecimal decimal) {
            return javascript(decimal.doubleValue());
        }
        return javascript(number.doubleValue());
    }

    private static String javascript(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        // value = 0.digits × 10^point, as ECMAScript's Number::toString names it (n).
        int point = digits.length() - exact.scale();
        String sign = value < 0 ? "-" : "";
        if (point > 0 && point <= 21) {
            return sign
                    + (digits.length() <= point
                            ? digits + "0".repeat(point - digits.length())
                            : digits.substring(0, point) + "." + digits.substring(point));
        }
        if (point <= 0 && point > -6) {
            return sign + "0." + "0".repeat(-point) + digits;
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
