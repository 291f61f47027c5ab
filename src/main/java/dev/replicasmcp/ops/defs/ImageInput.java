package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.chat.Image;

/** An image attached to a message, in the API's ImageContent shape. */
public record ImageInput(
        @JsonProperty(required = true) @JsonPropertyDescription("'image'")
        String type,

        @JsonProperty(required = true) Source source) {

    /** base64 data with media_type, or a url. */
    public record Source(
            @JsonProperty(required = true) @JsonPropertyDescription("'base64' or 'url'")
            String type,

            @JsonPropertyDescription("base64: image/png, image/jpeg, image/gif or image/webp")
            String mediaType,

            @JsonPropertyDescription("base64: the image") String data,
            @JsonPropertyDescription("url: an http(s) URL") String url) {}

    Image toImage() {
        return source == null
                ? new Image(null, null, null, null)
                : new Image(source.type(), source.mediaType(), source.data(), source.url());
    }

    static java.util.List<Image> toImages(java.util.List<ImageInput> images) {
        return images == null
                ? null
                : images.stream().map(i -> i == null ? null : i.toImage()).toList();
    }
}
