package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.DomainException;
import java.util.Set;

/** An image attached to a message: base64 data with a media type, or a URL. */
public record Image(String sourceType, String mediaType, String data, String url) {

    private static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

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
            return this;
        }
        if ("url".equals(sourceType)) {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw DomainException.invalid("Field '" + field + ".url' must be an http(s) URL.");
            }
            return this;
        }
        throw DomainException.invalid("Field '" + field + ".type' must be 'base64' or 'url'; got '" + sourceType + "'.");
    }
}
