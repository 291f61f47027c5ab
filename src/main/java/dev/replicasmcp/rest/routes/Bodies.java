package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.chat.Image;
import java.util.List;

/** The request bodies of the REST API (spec §4), snake_case on the wire. */
final class Bodies {

    private Bodies() {
    }

    /** An image attached to a message, in the API's ImageContent shape. */
    record ImageBody(String type, Source source) {

        record Source(String type, String mediaType, String data, String url) {
        }

        static List<Image> toImages(List<ImageBody> images) {
            return images == null ? null : images.stream().map(i -> i == null || i.source() == null
                    ? new Image(null, null, null, null)
                    : new Image(i.source().type(), i.source().mediaType(), i.source().data(), i.source().url()))
                    .toList();
        }
    }

    record CreateReplica(@JsonProperty(required = true) String name, @JsonProperty(required = true) String message,
                         String environmentId, List<String> repositoryIds, String repositorySetId,
                         String codingAgent, String model, List<ImageBody> images, String lifecyclePolicy,
                         String thinkingLevel, Boolean planMode) {
    }

    record SendMessage(@JsonProperty(required = true) String message, String chatId, String codingAgent,
                       String model, List<ImageBody> images, Boolean planMode, String thinkingLevel) {
    }

    record CreateChat(@JsonProperty(required = true) String provider, String title) {
    }

    record CreateEnvironment(@JsonProperty(required = true) String name, String description, String repositoryId,
                             String repositorySetId, String systemPrompt) {
    }

    record UpdateEnvironment(String name, String description, String repositoryId, String repositorySetId,
                             String systemPrompt) {
    }

    record CreateVariable(@JsonProperty(required = true) String key, @JsonProperty(required = true) String value) {
    }

    record UpdateVariable(String key, String value) {
    }

    record CreateFile(@JsonProperty(required = true) String name, @JsonProperty(required = true) String path,
                      @JsonProperty(required = true) String content) {
    }

    record UpdateFile(String name, String path, String content) {
    }

    record CreateMcp(@JsonProperty(required = true) String name, @JsonProperty(required = true) String transport,
                     @JsonProperty(required = true) JsonNode config) {
    }

    record UpdateMcp(String name, String transport, JsonNode config) {
    }

    record EnableSkill(String name, @JsonProperty(required = true) String slug, String source) {
    }

    record Script(@JsonProperty(required = true) String content, Integer timeoutSeconds) {
    }

    record Pool(@JsonProperty(required = true) Boolean enabled) {
    }
}
