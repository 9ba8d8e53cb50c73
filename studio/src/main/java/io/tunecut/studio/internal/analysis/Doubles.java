package io.tunecut.studio.internal.analysis;

import java.util.Arrays;

/** A growable list of doubles without boxing: a few numbers per frame for hours of media. */
final class Doubles {
  private double[] values;
  private int size;

  Doubles() {
    this(16);
  }

  Doubles(int capacity) {
    values = new double[Math.max(1, capacity)];
  }

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length + (values.length >> 1) + 1);
    }
    values[size++] = v;
  }

  double get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    return values[i];
  }

  void set(int i, double v) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    values[i] = v;
  }

  int size() {
    return size;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
