package io.tunecut.studio.internal.store;

/** One editing session: its owner, language and current draft (JSON text). */
public record SessionRecord(String id, String userId, String taskId, String language, String draft) {}
