package io.tunecut.core.nemo;

/** A backend session: one timeline. Ids are opaque strings (session ids are 19-digit numbers). */
public record NemoSession(String sessionId, String taskId, String userId) {}
