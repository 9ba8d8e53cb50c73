package io.tunecut.core.chat;

/**
 * A next step offered under a reply (a button where the platform has buttons). Pressing it
 * must come back to the core as an inbound message whose text is {@code command}.
 *
 * @param command at most 64 bytes, e.g. "/export"
 */
public record Suggestion(String label, String command) {}
