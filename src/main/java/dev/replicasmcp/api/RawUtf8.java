package dev.replicasmcp.api;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON text already encoded as UTF-8, for {@link com.fasterxml.jackson.core.JsonGenerator#writeRawValue(
 * SerializableString)}: a UTF-8 generator copies the bytes as they are. Jackson's own raw values are Strings,
 * which it decodes and encodes again (a tool answer's structured content, a stored history payload). A
 * generator writing characters takes {@link #getValue()}; the quoted forms are not implemented (a raw value
 * is never quoted).
 */
public final class RawUtf8 implements SerializableString {

    private final byte[] utf8;

    public RawUtf8(byte[] utf8) {
        this.utf8 = utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) {
            return -1; // the generator then writes asUnquotedUTF8() through its own buffer
        }
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
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
    public char[] asQuotedChars() {
        throw unsupported();
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw unsupported();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw unsupported();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw unsupported();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return -1; // a generator writing characters then writes getValue()
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw unsupported();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw unsupported();
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer out) {
        if (out.remaining() < utf8.length) {
            return -1;
        }
        out.put(utf8);
        return utf8.length;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("RawUtf8 is written raw by a UTF-8 generator only");
    }
}
