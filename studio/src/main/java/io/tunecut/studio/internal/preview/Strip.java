package io.tunecut.studio.internal.preview;

import io.tunecut.studio.internal.draft.Look;
import java.awt.image.BufferedImage;

/**
 * A clip's thumbnails side by side: {@code count} equal cells, cell {@code k} showing the
 * picture at {@code (k + 0.5) / count} of the clip's {@code seconds}.
 */
record Strip(BufferedImage image, int count, double seconds) {
  int cellWidth() {
    return image.getWidth() / count;
  }

  /** The same thumbnails in {@code look}, as the render will show them (null: as they are). */
  Strip in(Look look) {
    if (look == null) return this;
    BufferedImage toned = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) toned.setRGB(x, y, look.pixel(image.getRGB(x, y)));
    }
    return new Strip(toned, count, seconds);
  }

  /** The thumbnail nearest to {@code second} into the source. */
  BufferedImage at(double second) {
    int k = seconds <= 0 ? 0 : (int) Math.floor(second / seconds * count);
    k = Math.max(0, Math.min(count - 1, k));
    return image.getSubimage(k * cellWidth(), 0, cellWidth(), image.getHeight());
  }
}
