package dev.replicasmcp.api;

import dev.replicasmcp.domain.WireName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lists a text field's allowed values in its schema from a domain enum, while the field stays a
 * String so the domain's own validation (and its message) decides.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface AllowedValues {

    Class<? extends WireName> value();
}
