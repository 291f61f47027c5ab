package dev.replicasmcp.mcp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.replicasmcp.api.AllowedValues;
import dev.replicasmcp.domain.Nullable;
import dev.replicasmcp.domain.WireName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Generates tool schemas from the input and output records, so a schema and its parser can never
 * drift. Names are snake_case unless @JsonProperty says otherwise. Inputs require what is marked
 * required; outputs require every field and allow null only where @Nullable says so.
 */
public final class SchemaFactory {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ObjectMapper mapper;
    private final SchemaGenerator inputs;
    private final SchemaGenerator outputs;

    public SchemaFactory(ObjectMapper mapper) {
        this.mapper = mapper;
        this.inputs = new SchemaGenerator(config(false).build());
        this.outputs = new SchemaGenerator(config(true).build());
    }

    public Map<String, Object> input(Class<?> type) {
        return toMap(inputs.generateSchema(type));
    }

    public Map<String, Object> output(Class<?> type) {
        return toMap(outputs.generateSchema(type));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(ObjectNode schema) {
        schema.remove("$schema");
        return mapper.convertValue(schema, Map.class);
    }

    private static SchemaGeneratorConfigBuilder config(boolean output) {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.INLINE_ALL_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        builder.forFields().withPropertyNameOverrideResolver(SchemaFactory::snakeName);
        builder.forFields().withEnumResolver(field -> allowedValues(field, output));
        builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
                JsonNode.class.isAssignableFrom(type.getErasedType())
                        ? new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "object"),
                        CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES)
                        : null);
        if (output) {
            builder.forFields().withRequiredCheck(field -> true);
            builder.forFields().withNullableCheck(field -> isNullable(field));
        } else {
            builder.forFields().withNullableCheck(field -> false);
        }
        return builder;
    }

    private static boolean isNullable(FieldScope field) {
        return field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null;
    }

    private static String snakeName(FieldScope field) {
        JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return null;
        }
        String snake = SNAKE.translate(field.getDeclaredName());
        return snake.equals(field.getDeclaredName()) ? null : snake;
    }

    /** Enum values from the annotation; a nullable output enum must list null too, or null fails it. */
    private static List<?> allowedValues(FieldScope field, boolean output) {
        AllowedValues allowed = field.getAnnotationConsideringFieldAndGetter(AllowedValues.class);
        if (allowed == null) {
            return null;
        }
        List<Object> values = new ArrayList<>(Arrays.stream(allowed.value().getEnumConstants())
                .map(WireName::wire).toList());
        if (output && isNullable(field)) {
            values.add(null);
        }
        return values;
    }
}
