package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;

/**
 * An input record bound from a call's fields without Jackson, when that is plainly what Jackson would do:
 * every component is of a class (no primitive), named on the wire in snake_case, with no Jackson annotation
 * that changes binding, and every value given is a String, Integer, Long or Boolean of its component's type,
 * or absent (a list of images not given, as in nearly every send, is null as Jackson makes it); JSON null
 * only for those four types.
 * Jackson's conversion writes the fields out to a token buffer and binds them back through its bean
 * deserializer: a twelfth of a {@code list_replicas} call's CPU, profiled. Anything else (a number where
 * text is wanted, a nested value, a constructor that refuses) returns null, and Jackson binds or refuses
 * it as before, with its messages.
 */
final class RecordBinding {

    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Integer.class, Long.class, Boolean.class);
    private static final Set<Class<? extends Annotation>> DESCRIBING =
            Set.of(JsonProperty.class, JsonPropertyDescription.class);

    /**
     * A record bound here: wire names, component types, which are required, which are of the four simple
     * types, the constructor (Object[]).
     */
    private record Plan(
            String[] names, Class<?>[] types, boolean[] required, boolean[] simple, MethodHandle constructor) {}

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type);
        }
    };

    private RecordBinding() {}

    /** Makes type's plan now (a warm-up), so that a first bind finds it made. */
    static void prepare(Class<?> type) {
        PLANS.get(type);
    }

    /** The record bound from the fields, or null when Jackson is to bind it. */
    static <I> I bind(Class<I> type, Map<String, ?> fields) {
        Plan plan = PLANS.get(type);
        if (plan == null) {
            return null;
        }
        // Names the record does not know are ignored, as the mapper is told to (FAIL_ON_UNKNOWN_PROPERTIES off).
        Object[] arguments = new Object[plan.names().length];
        for (int i = 0; i < arguments.length; i++) {
            Object value = fields.get(plan.names()[i]);
            boolean simple = plan.simple()[i];
            if (value == null
                    ? plan.required()[i] || (!simple && fields.containsKey(plan.names()[i]))
                    : !simple || value.getClass() != plan.types()[i]) {
                // A required field missing, a value to convert or refuse, or an explicit null where Jackson
                // may make a value of its own (JSON null as a JsonNode): Jackson's.
                return null;
            }
            arguments[i] = value;
        }
        try {
            return type.cast(plan.constructor().invokeExact(arguments));
        } catch (RuntimeException refused) {
            return null; // the constructor's refusal is reported by Jackson's binding, in its words
        } catch (Error e) {
            throw e;
        } catch (Throwable impossible) {
            // A record's canonical constructor declares no checked exception.
            throw new IllegalStateException("Cannot make " + type.getSimpleName(), impossible);
        }
    }

    private static Plan plan(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        for (Annotation annotation : type.getAnnotations()) {
            if (jackson(annotation)) {
                return null;
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean[] required = new boolean[components.length];
        boolean[] simple = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getType().isPrimitive() || !describingOnly(component)) {
                return null;
            }
            names[i] = WireJson.wireName(component);
            types[i] = component.getType();
            simple[i] = SIMPLE.contains(types[i]);
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            required[i] = property != null && property.required();
        }
        try {
            MethodHandle constructor = MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class, types))
                    .asType(MethodType.genericMethodType(types.length))
                    .asSpreader(Object[].class, types.length);
            return new Plan(names, types, required, simple, constructor);
        } catch (ReflectiveOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Whether the component's Jackson annotations only describe it (JsonProperty without a new name): Java
     * copies a component's annotations to its accessor, field and parameter alike. Others (ours, for the
     * schema) are not read by the mapper's binding.
     */
    private static boolean describingOnly(RecordComponent component) {
        for (Annotation annotation : component.getAccessor().getAnnotations()) {
            boolean renames = annotation instanceof JsonProperty property
                    && !property.value().isEmpty();
            if (renames || (jackson(annotation) && !DESCRIBING.contains(annotation.annotationType()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean jackson(Annotation annotation) {
        return annotation.annotationType().getName().startsWith("com.fasterxml.jackson.");
    }
}
