package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** What every route does with a request: who is calling, the JSON body, query numbers, a JSON answer. */
public final class Http {

    /** The request attribute the gate puts the authenticated caller under. */
    public static final String CALLER = "replicas.caller";
    /** The request attribute the gate puts the fingerprint of the caller's API key under. */
    public static final String KEY = "replicas.key";

    public static final ObjectMapper JSON = WireJson.mapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private Http() {}

    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route reached without an authenticated caller");
        }
        return caller;
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static ObjectNode object(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (StreamConstraintsException e) {
            throw DomainException.invalid("The request body is nested too deeply or holds a value too large to "
                    + "read (JSON nests at most 1,000 levels here).");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw DomainException.invalid("The request body is not valid JSON" + where + ": "
                    + Validation.abbreviate(e.getOriginalMessage(), 200) + ".");
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid("The request body must be a JSON object, e.g. {\"name\": \"...\"}.");
        }
        return (ObjectNode) node;
    }

    /** The body parsed into a request record; a missing required or mistyped field is a 400 naming it. */
    public static <T> T body(Context ctx, Class<T> type) {
        return body(object(ctx), type);
    }

    public static <T> T body(ObjectNode object, Class<T> type) {
        return WireJson.parse(JSON, type, JSON.convertValue(object, FIELDS), "request body schema");
    }

    /** An optional integer query parameter. */
    public static Integer intQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Query parameter '" + name + "' must be an integer; got '"
                    + Validation.abbreviate(value, 40) + "'.");
        }
    }

    /** The webhook bodies' limit (spec §4.4): 256 KB, for the custom webhook and the providers' receivers. */
    public static final int MAX_WEBHOOK_BYTES = 262_144;

    /**
     * A webhook's raw body, read at most one byte past {@link #MAX_WEBHOOK_BYTES}, so an endless body costs no
     * more memory than that; over it, a 413 whose message is the given one.
     */
    public static byte[] webhookBody(Context ctx, String tooLarge) throws IOException {
        if (ctx.req().getContentLengthLong() > MAX_WEBHOOK_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, tooLarge, null);
        }
        byte[] body = ctx.req().getInputStream().readNBytes(MAX_WEBHOOK_BYTES + 1);
        if (body.length > MAX_WEBHOOK_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, tooLarge, null);
        }
        return body;
    }

    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response as JSON", e);
        }
    }

    public static void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }

    public static void created(Context ctx, Object body) {
        json(ctx, 201, body);
    }
}
