package io.tunecut.studio.internal.render;

import java.util.ArrayList;
import java.util.List;

/** The {@code -i} inputs of one ffmpeg command, numbered as the filter graph refers to them. */
final class Inputs {
  private final List<String> args = new ArrayList<>();
  private int count;

  /** @return the input's index */
  int add(List<String> inputArgs) {
    args.addAll(inputArgs);
    return count++;
  }

  List<String> args() {
    return List.copyOf(args);
  }
}
