package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.util.regex.Pattern;

/**
 * The model a message asks for. It ends up in the agent CLI's argument list, so it is held to the shape
 * of real model names (sonnet, gpt-5.1-codex, us.anthropic.claude-3:0, openrouter/x@latest) and may not
 * start with '-', where the CLI would read it as a flag.
 */
public final class ModelName {

    static final int MAX_CHARS = 100;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:/@][A-Za-z0-9._:/@-]*");

    private ModelName() {}

    /** The trimmed model name, null when none was given; a bad one is an error naming the field. */
    public static String validated(String field, String value) {
        String model = Validation.optionalTrimmed(value);
        if (model == null) {
            return null;
        }
        if (model.length() > MAX_CHARS) {
            throw DomainException.invalid("Field '" + field + "' is " + model.length() + " characters; a model name "
                    + "has at most " + MAX_CHARS + ", e.g. 'sonnet' or 'gpt-5-codex'.");
        }
        if (!SHAPE.matcher(model).matches()) {
            throw DomainException.invalid("Field '" + field + "' '" + Validation.abbreviate(model, 40) + "' is not a "
                    + "model name: use letters, digits and . _ : / @ - only, not starting with '-', e.g. 'sonnet' "
                    + "or 'gpt-5-codex'.");
        }
        return model;
    }
}
