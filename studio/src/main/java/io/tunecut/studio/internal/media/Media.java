package io.tunecut.studio.internal.media;

import java.nio.file.Path;

/**
 * One uploaded file of a session, in upload order.
 *
 * @param id opaque and stable; drafts refer to media by it ({@code src})
 * @param filename the sanitised name the user knows it by
 * @param file where it lives under the data directory
 */
public record Media(String id, String filename, MediaInfo info, Path file) {}
