package dev.replicasmcp.domain.chat;

import java.util.List;

/** Append-only history per chat, numbered 0..n-1 so windows from the end are key ranges. */
public interface HistoryStore {

    long append(String chatId, HistoryEvent event);

    long count(String chatId);

    /** Events with fromSeq <= seq < toSeq, oldest first. */
    List<HistoryEvent> window(String chatId, long fromSeq, long toSeq);
}
