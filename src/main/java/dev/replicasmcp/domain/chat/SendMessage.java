package dev.replicasmcp.domain.chat;

import java.util.List;

/** A message to send, as the caller gave it; the service validates every field. */
public record SendMessage(
        String message,
        String chatId,
        String codingAgent,
        String model,
        List<Image> images,
        Boolean planMode,
        String thinkingLevel) {}
