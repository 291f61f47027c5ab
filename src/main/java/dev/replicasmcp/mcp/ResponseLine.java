package dev.replicasmcp.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Tells a JSON-RPC response line (an id and no method) from a request or notification written to stdout. */
final class ResponseLine {

    private static final JsonFactory LINES = new JsonFactory();

    /** How the SDK writes a response: its record's fields in order, the id straight after the version. */
    private static final byte[] SDK_RESPONSE = ascii("{\"jsonrpc\":\"2.0\",\"id\":");

    private static final byte[] RESULT = ascii(",\"result\":");
    private static final byte[] ERROR = ascii(",\"error\":");

    private ResponseLine() {}

    /**
     * Whether the line is a response. Every answer is checked, so the SDK's own layout is recognised from its
     * first bytes (a profile showed a parser per line to be a twentieth of a tool call's CPU); any other line
     * is read field by field, only as far as its top-level names.
     */
    static boolean is(byte[] line) {
        return inSdkLayout(line) || parsed(line);
    }

    /** Whether the line starts as the SDK writes a response: version, a plain id, then result or error. */
    static boolean inSdkLayout(byte[] line) {
        if (!startsAt(line, 0, SDK_RESPONSE)) {
            return false;
        }
        int i = SDK_RESPONSE.length;
        if (i < line.length && line[i] == '"') {
            i++;
            while (i < line.length && line[i] != '"') {
                if (line[i] == '\\') {
                    return false; // an escaped id: left to the parser
                }
                i++;
            }
            i++;
        } else {
            while (i < line.length && (line[i] == '-' || (line[i] >= '0' && line[i] <= '9'))) {
                i++;
            }
        }
        return startsAt(line, i, RESULT) || startsAt(line, i, ERROR);
    }

    private static boolean parsed(byte[] line) {
        boolean id = false;
        boolean method = false;
        try (JsonParser parser = LINES.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                id |= "id".equals(name) && value != JsonToken.VALUE_NULL;
                method |= "method".equals(name);
                if (id && !method && ("result".equals(name) || "error".equals(name))) {
                    // The id comes before the result: the (often large) rest need not be read.
                    return true;
                }
                parser.skipChildren();
            }
            return id && !method;
        } catch (IOException | RuntimeException e) {
            return false; // not a message: the transport reports it
        }
    }

    private static boolean startsAt(byte[] line, int at, byte[] prefix) {
        if (at + prefix.length > line.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
