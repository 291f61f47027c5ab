package dev.replicasmcp.domain.chat;

import dev.replicasmcp.domain.agent.ThinkingLevel;
import java.util.List;

/** A user message and its place in its chat's FIFO queue. */
public record Message(
        String id,
        String chatId,
        String replicaId,
        String text,
        List<Image> images,
        String model,
        ThinkingLevel thinkingLevel,
        boolean planMode,
        MessageState state,
        long queueSeq,
        Integer position,
        String queuedAt) {}
