package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.replicasmcp.domain.DomainException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON dialect of both front doors (tool arguments and results, REST bodies): snake_case, strict
 * about types, and one parser that turns a JSON object into an input record or says which field is wrong.
 */
public final class WireJson {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Plain Jackson for {@link #values}: it keeps field order and number types. Made at first use. */
    private static final class Values {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private WireJson() {}

    /**
     * One mapper for the MCP door and the core's invoker. Jackson builds a type's binding at its first use,
     * per mapper: shared, a call's input and output are bound by what the first-call warm-up already built
     * while the core was starting, not built again by the first call.
     */
    public static ObjectMapper shared() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = mapper();
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "5" is not a number and 5 is not a name: wrong types are reported, not guessed at.
                // ALLOW_COERCION_OF_SCALARS guards number and boolean targets only: 5 → "5" and 1.5 → 1
                // need rules of their own.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // A character beyond the BMP (an emoji) written as UTF-8 bytes is its four bytes, as in text,
                // not two escaped surrogates: a tool's text is then the same from bytes as from a String.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
    }

    /**
     * A JSON value as the JSON-shaped values the domain takes where a field is free-form (an MCP server's
     * config): Map, List, String, Number, Boolean; JSON null and a missing value are both null.
     */
    public static Object values(JsonNode node) {
        return node == null || node.isNull() ? null : Values.MAPPER.convertValue(node, Object.class);
    }

    /**
     * Converts a JSON object (a Map or a JsonNode) into the input record; a missing required field or
     * a wrongly typed one is a DomainException (invalid) that names the field. mapper: one made by {@link
     * #mapper()} (simple records are bound by {@link RecordBinding} as this mapper would bind them).
     */
    public static <I> I parse(ObjectMapper mapper, Class<I> type, Map<String, ?> fields, String schemaName) {
        refuseNul("", fields);
        for (Required field : REQUIRED.get(type)) {
            if (fields.get(field.name()) == null) {
                throw DomainException.invalid("Field '" + field.name() + "' is required"
                        + (field.about() == null ? "." : ": " + field.about() + "."));
            }
        }
        I bound = RecordBinding.bind(type, fields);
        if (bound != null) {
            return bound;
        }
        try {
            return mapper.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(describe(e, schemaName));
        }
    }

    /**
     * Builds, for a warm-up, what a first {@link #parse} of input and a first write of output with mapper
     * need: the input's required fields and record binding, and the serializers of the output record and of
     * every record it holds (Jackson builds a list's element serializer when it first writes the list, even
     * an empty one). Each reads the records' annotations and makes method handles, slowly while that code is
     * still interpreted.
     */
    public static void prepare(ObjectMapper mapper, Class<?> input, Class<?> output) {
        REQUIRED.get(input);
        RecordBinding.prepare(input);
        prepareSerializers(mapper, output, new HashSet<>());
    }

    /** type's serializer when it is a record, then those of the records its components name (List<X>: X). */
    private static void prepareSerializers(ObjectMapper mapper, Type type, Set<Class<?>> done) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                prepareSerializers(mapper, argument, done);
            }
        } else if (type instanceof Class<?> record && record.isRecord() && done.add(record)) {
            mapper.canSerialize(record);
            for (RecordComponent component : record.getRecordComponents()) {
                prepareSerializers(mapper, component.getGenericType(), done);
            }
        }
    }

    /** The wire (snake_case) name of an input record's field. */
    public static String wireName(RecordComponent component) {
        return SNAKE.translate(component.getName());
    }

    /**
     * No text anywhere in the input may hold a NUL character: no command line, C library or git can carry
     * one, so it would fail later and far from its cause. The error names where it is.
     */
    /** A required field of an input record: its wire name and its description. */
    private record Required(String name, String about) {}

    /**
     * The required fields of each input record, read once per type: reading record components and their
     * annotations builds new reflection objects at every call, which cost a tenth of a tool call.
     */
    private static final ClassValue<List<Required>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<Required> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<Required> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // Jackson's annotations do not target record components; Java copies them to the accessor.
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                if (property != null && property.required()) {
                    JsonPropertyDescription about =
                            component.getAccessor().getAnnotation(JsonPropertyDescription.class);
                    required.add(
                            new Required(SNAKE.translate(component.getName()), about == null ? null : about.value()));
                }
            }
            return List.copyOf(required);
        }
    };

    private static void refuseNul(String path, Object value) {
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                refuseNul(path, node.textValue());
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    refuseNul(path + "[" + i + "]", node.get(i));
                }
            } else if (node.isObject()) {
                node.fields().forEachRemaining(e -> refuseNul(child(path, e.getKey()), e.getValue()));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> refuseNul(child(path, String.valueOf(key)), item));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                refuseNul(path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof String text && text.indexOf('\0') >= 0) {
            throw DomainException.invalid("Field '" + path + "' contains a NUL character (\\u0000); remove it.");
        }
    }

    private static String child(String path, String key) {
        if (key.indexOf('\0') >= 0) {
            throw DomainException.invalid("A field name under '" + (path.isEmpty() ? "the input" : path)
                    + "' contains a NUL character (\\u0000); remove it.");
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(IllegalArgumentException e, String schemaName) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            String expected = mapping instanceof MismatchedInputException m && m.getTargetType() != null
                    ? kind(m.getTargetType())
                    : "of the type its schema gives";
            return "Field '" + field + "' must be " + expected + ". Check the " + schemaName + ".";
        }
        // Jackson's own text names Java types; the caller gets the schema to check instead.
        return "The fields do not match the " + schemaName + "; check each field's type there.";
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
