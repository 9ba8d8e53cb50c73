package io.tunecut.studio.internal.render.caption;

/**
 * The part of a frame where text is sure to be seen: clear of the edges, and on a vertical
 * frame clear of the bars and buttons the short-video apps draw over the top and bottom.
 * Insets in pixels.
 */
record SafeArea(int frameWidth, int frameHeight, int left, int top, int right, int bottom) {
  static SafeArea of(int frameWidth, int frameHeight) {
    boolean vertical = frameHeight > frameWidth * 1.2;
    int side = (int) Math.ceil(frameWidth * (vertical ? 0.06 : 0.05));
    int top = (int) Math.ceil(frameHeight * (vertical ? 0.12 : 0.08));
    int bottom = (int) Math.ceil(frameHeight * (vertical ? 0.20 : 0.08));
    return new SafeArea(frameWidth, frameHeight, side, top, side, bottom);
  }

  int width() {
    return frameWidth - left - right;
  }

  int height() {
    return frameHeight - top - bottom;
  }
}
