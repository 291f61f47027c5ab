package dev.replicasmcp.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.replicasmcp.api.RawUtf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A tool's structured result as the invoker wrote it: its JSON object, once, as UTF-8 bytes and as the
 * String its text content repeats. {@link AnswerWriter} copies the bytes into the answer, as
 * structuredContent and quoted as the text; no tree of the result is ever built (building it, checking it
 * against the output schema and writing it out were half of a history read's CPU, profiled).
 *
 * <p>The SDK checks every structured result against the tool's output schema; for these {@link
 * SchemaByIdentity} does not. They are written from the very record types their schemas are generated
 * from, and the tests check every answer against its schema (the Java tests' {@code ToolCalls}, and the
 * TypeScript SDK client in {@code scripts/client-tests}, as every real client does).
 */
final class WrittenJson implements JsonSerializable {

    private final byte[] utf8;
    private final String json;

    private WrittenJson(byte[] utf8) {
        this.utf8 = utf8;
        this.json = new String(utf8, StandardCharsets.UTF_8);
    }

    /** utf8: a JSON object as a tool's mapper wrote it; never changed afterwards. */
    static WrittenJson of(byte[] utf8) {
        return new WrittenJson(utf8);
    }

    /** The text: give a tool result this very String, and {@link AnswerWriter} copies the bytes. */
    String json() {
        return json;
    }

    byte[] utf8() {
        return utf8;
    }

    /** Written as the JSON it is ({@link RawUtf8#write}). */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        RawUtf8.write(gen, utf8);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public String toString() {
        return json;
    }
}
