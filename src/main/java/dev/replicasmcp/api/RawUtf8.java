package dev.replicasmcp.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text already encoded as UTF-8, for {@link JsonGenerator#writeRawValue(SerializableString)}: a UTF-8
 * generator copies the bytes as they are. Jackson's own raw values are Strings, which it decodes and encodes
 * again (a tool answer's structured content, a stored history payload). A generator writing characters
 * takes {@link #getValue()}; the quoted forms are Jackson's quoting of that text.
 */
public final class RawUtf8 implements SerializableString {

    private static final JsonFactory PARSERS = new JsonFactory();

    private final byte[] utf8;

    public RawUtf8(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * Writes JSON text given as UTF-8 as the value it is: raw into text, value by value into a token buffer
     * (so that Jackson's valueToTree and convertValue see the value, not an opaque raw one).
     */
    public static void write(JsonGenerator gen, byte[] utf8) throws IOException {
        if (gen instanceof TokenBuffer) {
            try (JsonParser parser = PARSERS.createParser(utf8)) {
                parser.nextToken();
                gen.copyCurrentStructure(parser);
            }
        } else {
            gen.writeRawValue(new RawUtf8(utf8));
        }
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(utf8, buffer, offset);
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return -1; // a generator writing characters then writes getValue()
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer out) {
        return put(utf8, out);
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        char[] quoted = asQuotedChars();
        if (offset + quoted.length > buffer.length) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer out) {
        return put(asQuotedUTF8(), out);
    }

    /** -1 when it does not fit: the generator then writes through its own buffer. */
    private static int copy(byte[] bytes, byte[] buffer, int offset) {
        if (offset + bytes.length > buffer.length) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer out) {
        if (out.remaining() < bytes.length) {
            return -1;
        }
        out.put(bytes);
        return bytes.length;
    }
}
