package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.chat.Image;
import java.util.List;

/**
 * Everything a runner needs for one turn. threadId is the agent session to resume (null on a chat's
 * first turn), so one chat stays one conversation; context holds the workspace, variables and credentials.
 */
public record TurnRequest(
        String replicaId,
        String chatId,
        String messageId,
        CodingAgent provider,
        String text,
        List<Image> images,
        String model,
        ThinkingLevel thinkingLevel,
        boolean planMode,
        String threadId,
        TurnContext context) {

    public TurnRequest {
        context = context == null ? TurnContext.NONE : context;
    }

    /** Leaves the message and the secrets out, so a request can be logged. */
    @Override
    public String toString() {
        return "TurnRequest[replica=" + replicaId + ", chat=" + chatId + ", message=" + messageId + ", provider="
                + provider.wire() + ", model=" + model + ", thinking=" + thinkingLevel + ", plan=" + planMode
                + ", thread=" + threadId + ", " + context + "]";
    }
}
