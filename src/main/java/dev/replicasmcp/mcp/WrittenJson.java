package dev.replicasmcp.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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

    private static final JsonFactory PARSERS = new JsonFactory();

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

    /**
     * Written as the JSON it is: raw into text, value by value into a token buffer (so that Jackson's
     * valueToTree and convertValue see the object, not an opaque raw value).
     */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
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
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public String toString() {
        return json;
    }
}
