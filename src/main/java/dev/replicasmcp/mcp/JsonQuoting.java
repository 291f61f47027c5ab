package dev.replicasmcp.mcp;

/**
 * A compact JSON text as the inside of a JSON string, working on its UTF-8 bytes: what Jackson's generator
 * writes for that text as a String, without decoding and encoding it again (a history page's text is ~27 KB
 * and nearly every event in it has quotes to escape, the slow path of Jackson's string writer).
 */
final class JsonQuoting {

    private JsonQuoting() {}

    /**
     * Writes the bytes into out (at least twice as long: every byte may need a backslash) with each '"' and
     * '\\' escaped by a backslash; answers how many bytes it wrote, or -1 when they hold a control
     * character, which Jackson escapes in forms of its own (compact JSON written by Jackson never holds one
     * raw: inside its strings they are escaped already). Bytes of multi-byte characters are never '"',
     * '\\' or below 0x20, so they are copied as they are, as Jackson writes them. One pass, no count first:
     * under C1 that was a fifth faster on a history page's text (measured).
     */
    static int escape(byte[] utf8, byte[] out) {
        int at = 0;
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                out[at++] = '\\';
            } else if (b >= 0 && b < 0x20) {
                return -1;
            }
            out[at++] = b;
        }
        return at;
    }
}
