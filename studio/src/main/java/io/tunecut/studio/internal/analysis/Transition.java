package io.tunecut.studio.internal.analysis;

/**
 * A gradual change from one shot to the next, which has no single cut frame.
 *
 * @param start seconds, where the change begins
 * @param end seconds, where the new shot is fully in
 */
public record Transition(double start, double end, Kind kind) {
  public enum Kind {
    /** One shot blends into the next. */
    DISSOLVE,
    /** The picture goes to or comes from black. */
    FADE
  }
}
