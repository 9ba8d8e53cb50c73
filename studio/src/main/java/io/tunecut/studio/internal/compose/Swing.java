package io.tunecut.studio.internal.compose;

/** Where a sixteenth of a bar falls, in beats, with the style's swing on the off-beats. */
record Swing(double amount) {
  double beats(int step) {
    double late = step % 4 == 2 ? amount / 2 : step % 2 == 1 ? amount / 4 : 0;
    return step / 4.0 + late;
  }
}
