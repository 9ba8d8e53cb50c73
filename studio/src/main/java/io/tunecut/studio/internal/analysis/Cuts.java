package io.tunecut.studio.internal.analysis;

import java.util.List;

/**
 * The shot boundaries of a clip.
 *
 * @param cuts times in seconds of the first frame of each new shot (hard cuts), ascending
 * @param gradual dissolves and fades, which are not in {@code cuts}
 */
public record Cuts(List<Double> cuts, List<Transition> gradual) {
  public Cuts {
    cuts = List.copyOf(cuts);
    gradual = List.copyOf(gradual);
  }
}
