package dev.replicasmcp.conformance;

import java.util.List;
import java.util.Map;

/** The JSON Schemas the conformance scenarios look for, exactly as their descriptions give them. */
final class FixtureSchemas {

    private FixtureSchemas() {}

    /** tools-call-elicitation. */
    static final Map<String, Object> USER_AND_EMAIL = Map.of(
            "type", "object",
            "properties",
                    Map.of(
                            "username", Map.of("type", "string", "description", "User's response"),
                            "email", Map.of("type", "string", "description", "User's email address")),
            "required", List.of("username", "email"));

    /** elicitation-sep1034-defaults: a default for every primitive type. */
    static final Map<String, Object> SEP1034_DEFAULTS = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "name", Map.of("type", "string", "description", "User name", "default", "John Doe"),
                    "age", Map.of("type", "integer", "description", "User age", "default", 30),
                    "score", Map.of("type", "number", "description", "User score", "default", 95.5),
                    "status",
                            Map.of(
                                    "type",
                                    "string",
                                    "description",
                                    "User status",
                                    "enum",
                                    List.of("active", "inactive", "pending"),
                                    "default",
                                    "active"),
                    "verified", Map.of("type", "boolean", "description", "Verification status", "default", true)));

    /** elicitation-sep1330-enums: the five enum variants. */
    static final Map<String, Object> SEP1330_ENUMS = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "untitledSingle",
                            Map.of(
                                    "type",
                                    "string",
                                    "description",
                                    "Untitled single-select",
                                    "enum",
                                    List.of("option1", "option2", "option3")),
                    "titledSingle",
                            Map.of(
                                    "type",
                                    "string",
                                    "description",
                                    "Titled single-select",
                                    "oneOf",
                                    List.of(
                                            Map.of("const", "value1", "title", "First Option"),
                                            Map.of("const", "value2", "title", "Second Option"),
                                            Map.of("const", "value3", "title", "Third Option"))),
                    "legacyEnum",
                            Map.of(
                                    "type",
                                    "string",
                                    "description",
                                    "Legacy titled enum",
                                    "enum",
                                    List.of("opt1", "opt2", "opt3"),
                                    "enumNames",
                                    List.of("Option One", "Option Two", "Option Three")),
                    "untitledMulti",
                            Map.of(
                                    "type",
                                    "array",
                                    "description",
                                    "Untitled multi-select",
                                    "items",
                                    Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))),
                    "titledMulti",
                            Map.of(
                                    "type",
                                    "array",
                                    "description",
                                    "Titled multi-select",
                                    "items",
                                    Map.of(
                                            "anyOf",
                                            List.of(
                                                    Map.of("const", "value1", "title", "First Choice"),
                                                    Map.of("const", "value2", "title", "Second Choice"),
                                                    Map.of("const", "value3", "title", "Third Choice"))))));

    /** json-schema-2020-12: $schema, $defs and additionalProperties must survive tools/list. */
    static final Map<String, Object> JSON_SCHEMA_2020_12 = Map.of(
            "$schema",
            "https://json-schema.org/draft/2020-12/schema",
            "type",
            "object",
            "$defs",
            Map.of(
                    "address",
                    Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of(
                                    "street", Map.of("type", "string"),
                                    "city", Map.of("type", "string")))),
            "properties",
            Map.of(
                    "name", Map.of("type", "string"),
                    "address", Map.of("$ref", "#/$defs/address")),
            "additionalProperties",
            false);
}
