package dev.replicasmcp.domain.agent;

import dev.replicasmcp.domain.chat.Image;
import java.util.List;

/**
 * Everything a runner needs for one turn. threadId is the agent session to resume (null on a chat's
 * first turn), so one chat stays one conversation.
 */
public record TurnRequest(String replicaId, String chatId, String messageId, CodingAgent provider, String text,
                          List<Image> images, String model, ThinkingLevel thinkingLevel, boolean planMode,
                          String threadId) {
}
