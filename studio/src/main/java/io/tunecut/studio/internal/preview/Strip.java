package io.tunecut.studio.internal.preview;

import java.awt.image.BufferedImage;

/**
 * A clip's thumbnails side by side: {@code count} equal cells, cell {@code k} showing the
 * picture at {@code (k + 0.5) / count} of the clip's {@code seconds}.
 */
record Strip(BufferedImage image, int count, double seconds) {
  int cellWidth() {
    return image.getWidth() / count;
  }

  /** The thumbnail nearest to {@code second} into the source. */
  BufferedImage at(double second) {
    int k = seconds <= 0 ? 0 : (int) Math.floor(second / seconds * count);
    k = Math.max(0, Math.min(count - 1, k));
    return image.getSubimage(k * cellWidth(), 0, cellWidth(), image.getHeight());
  }
}
