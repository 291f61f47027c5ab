package dev.replicasmcp.mcp;

/**
 * A compact JSON text as the inside of a JSON string, working on its UTF-8 bytes: what Jackson's generator
 * writes for that text as a String, without decoding and encoding it again (a history page's text is ~27 KB
 * and nearly every event in it has quotes to escape, the slow path of Jackson's string writer).
 */
final class JsonQuoting {

    private JsonQuoting() {}

    /**
     * The bytes with each '"' and '\' escaped by a backslash, or null when they hold a control character,
     * which Jackson escapes in forms of its own (compact JSON written by Jackson never holds one raw: inside
     * its strings they are escaped already). Bytes of multi-byte characters are never '"', '\' or below
     * 0x20, so they are copied as they are, as Jackson writes them.
     */
    static byte[] escaped(byte[] utf8) {
        int extra = 0;
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                extra++;
            } else if (b >= 0 && b < 0x20) {
                return null;
            }
        }
        byte[] out = new byte[utf8.length + extra];
        int at = 0;
        for (byte b : utf8) {
            if (b == '"' || b == '\\') {
                out[at++] = '\\';
            }
            out[at++] = b;
        }
        return out;
    }
}
