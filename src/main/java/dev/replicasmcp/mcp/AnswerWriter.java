package dev.replicasmcp.mcp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.RawUtf8;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers to tools/call and initialize written with Jackson's generator instead of its bean serializers.
 * Those are built from the records' annotations at first use, slowly while the code is still interpreted: a
 * fresh process's first handshake answer waited about 140 ms on them (class initialisation timeline), its
 * first tool answer tens of milliseconds, and every answer went through them. Written here: tool results
 * of plain text contents, isError and structuredContent; initialize results without experimental
 * capabilities, extensions, icons or _meta. Anything else returns null and is Jackson's. The text is byte
 * for byte what Jackson writes (AnswerWriterTest compares them). A result the invoker wrote ({@link
 * WrittenJson}) is copied from its UTF-8 bytes: as structuredContent unchanged, as the text quoted.
 */
final class AnswerWriter {

    private final ObjectMapper mapper;

    AnswerWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON of an answer of a shape written here, or null. */
    String write(Object value) throws IOException {
        byte[] utf8 = writeBytes(value);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** The same as UTF-8 bytes, made without a String on the way (a history page is tens of KB). */
    byte[] writeBytes(Object value) throws IOException {
        McpSchema.JSONRPCResponse response = written(value);
        if (response == null) {
            return null;
        }
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            answer(json, response);
        }
        return out.toByteArray();
    }

    /** The value as an answer of a shape written here, or null. */
    private static McpSchema.JSONRPCResponse written(Object value) {
        if (!(value instanceof McpSchema.JSONRPCResponse response)
                || response.error() != null
                || !(response.id() instanceof String
                        || response.id() instanceof Integer
                        || response.id() instanceof Long)) {
            return null;
        }
        boolean tool = response.result() instanceof McpSchema.CallToolResult result && plain(result);
        boolean handshake = response.result() instanceof McpSchema.InitializeResult result && plain(result);
        return tool || handshake ? response : null;
    }

    private void answer(JsonGenerator json, McpSchema.JSONRPCResponse response) throws IOException {
        json.writeStartObject();
        json.writeStringField("jsonrpc", response.jsonrpc());
        json.writeFieldName("id");
        if (response.id() instanceof String text) {
            json.writeString(text);
        } else {
            json.writeNumber(((Number) response.id()).longValue());
        }
        json.writeFieldName("result");
        if (response.result() instanceof McpSchema.CallToolResult result) {
            toolResult(json, result);
        } else {
            initializeResult(json, (McpSchema.InitializeResult) response.result());
        }
        json.writeEndObject();
    }

    private void toolResult(JsonGenerator json, McpSchema.CallToolResult result) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("content"); // never null: the record refuses it
        WrittenJson repeated =
                result.structuredContent() instanceof WrittenJson written && repeatedAsText(result, written)
                        ? written
                        : null;
        // Its one text, quoted from the bytes; -1 when it is left to Jackson (see JsonQuoting).
        byte[] quoted = repeated != null ? new byte[repeated.utf8().length * 2] : null;
        int length = quoted != null ? JsonQuoting.escape(repeated.utf8(), quoted) : -1;
        for (McpSchema.Content content : result.content()) {
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeFieldName("text");
            if (length >= 0) {
                json.writeRawUTF8String(quoted, 0, length);
            } else {
                json.writeString(((McpSchema.TextContent) content).text());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (result.isError() != null) {
            json.writeBooleanField("isError", result.isError());
        }
        if (repeated != null) {
            json.writeFieldName("structuredContent");
            json.writeRawValue(new RawUtf8(repeated.utf8()));
        } else if (result.structuredContent() != null) {
            json.writeFieldName("structuredContent");
            mapper.writeValue(json, result.structuredContent());
        }
        json.writeEndObject();
    }

    private static void initializeResult(JsonGenerator json, McpSchema.InitializeResult result) throws IOException {
        json.writeStartObject();
        text(json, "protocolVersion", result.protocolVersion());
        json.writeFieldName("capabilities"); // capabilities and serverInfo: never null, the record refuses it
        capabilities(json, result.capabilities());
        json.writeFieldName("serverInfo");
        McpSchema.Implementation info = result.serverInfo();
        json.writeStartObject();
        text(json, "name", info.name());
        text(json, "title", info.title());
        text(json, "version", info.version());
        text(json, "description", info.description());
        text(json, "websiteUrl", info.websiteUrl());
        json.writeEndObject();
        text(json, "instructions", result.instructions());
        json.writeEndObject();
    }

    private static void capabilities(JsonGenerator json, ServerCapabilities capabilities) throws IOException {
        json.writeStartObject();
        if (capabilities.completions() != null) {
            json.writeObjectFieldStart("completions");
            json.writeEndObject();
        }
        if (capabilities.logging() != null) {
            json.writeObjectFieldStart("logging");
            json.writeEndObject();
        }
        if (capabilities.prompts() != null) {
            json.writeObjectFieldStart("prompts");
            flag(json, "listChanged", capabilities.prompts().listChanged());
            json.writeEndObject();
        }
        if (capabilities.resources() != null) {
            json.writeObjectFieldStart("resources");
            flag(json, "subscribe", capabilities.resources().subscribe());
            flag(json, "listChanged", capabilities.resources().listChanged());
            json.writeEndObject();
        }
        if (capabilities.tools() != null) {
            json.writeObjectFieldStart("tools");
            flag(json, "listChanged", capabilities.tools().listChanged());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void flag(JsonGenerator json, String name, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(name, value);
        }
    }

    /** Whether the result's one text is the very String the written result carries (so it is that JSON). */
    private static boolean repeatedAsText(McpSchema.CallToolResult result, WrittenJson written) {
        return result.content().size() == 1
                && result.content().get(0) instanceof McpSchema.TextContent text
                && text.text() == written.json();
    }

    private static boolean plain(McpSchema.CallToolResult result) {
        if (result.meta() != null) {
            return false;
        }
        for (McpSchema.Content content : result.content()) {
            if (!(content instanceof McpSchema.TextContent text)
                    || text.annotations() != null
                    || text.meta() != null
                    || text.text() == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(McpSchema.InitializeResult result) {
        ServerCapabilities capabilities = result.capabilities();
        return result.meta() == null
                && capabilities.experimental() == null
                && capabilities.extensions() == null
                && result.serverInfo().icons() == null;
    }
}
