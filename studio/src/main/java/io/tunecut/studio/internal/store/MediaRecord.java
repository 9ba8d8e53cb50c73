package io.tunecut.studio.internal.store;

import io.tunecut.studio.internal.media.Media;

/** An accepted upload with its owner and content hash (sha256, hex). */
public record MediaRecord(Media media, String sessionId, String userId, String hash, long size) {}
