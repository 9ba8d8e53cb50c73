package io.tunecut.studio.internal.render.caption;

import java.nio.file.Path;

/** A caption drawn on a transparent PNG, and where its top-left corner goes on the frame. */
public record CaptionPicture(Path file, int x, int y, int width, int height) {}
