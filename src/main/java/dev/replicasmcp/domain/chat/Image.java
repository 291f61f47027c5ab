package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.DomainException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/** An image attached to a message: base64 data with a media type, or a URL. */
public record Image(String sourceType, String mediaType, String data, String url) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Refused up front: data that is not base64 would only fail the agent's turn later. */
    private static void checkBase64(String field, String data) {
        if (data.startsWith("data:")) {
            throw DomainException.invalid("Field '" + field + "' holds a data: URL; give only the base64 text after "
                    + "'base64,' and the media type in media_type.");
        }
        try {
            Base64.getDecoder().decode(WHITESPACE.matcher(data).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Field '" + field + "' is not valid base64 (" + e.getMessage()
                    + "); encode the image bytes with standard base64 (A-Z, a-z, 0-9, +, / and = padding).");
        }
    }

    /** Checks the shape of the i-th image and names the field that is wrong. */
    public Image validated(int index) {
        String field = "images[" + index + "].source";
        if ("base64".equals(sourceType)) {
            if (!MEDIA_TYPES.contains(mediaType)) {
                throw DomainException.invalid("Field '" + field + ".media_type' must be one of image/png, image/jpeg, "
                        + "image/gif, image/webp; got '" + mediaType + "'.");
            }
            if (data == null || data.isEmpty()) {
                throw DomainException.invalid("Field '" + field + ".data' must hold the base64-encoded image.");
            }
            checkBase64(field + ".data", data);
            return this;
        }
        if ("url".equals(sourceType)) {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw DomainException.invalid("Field '" + field + ".url' must be an http(s) URL.");
            }
            return this;
        }
        throw DomainException.invalid(
                "Field '" + field + ".type' must be 'base64' or 'url'; got '" + sourceType + "'.");
    }
}
