package io.tunecut.studio.internal.song;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.analysis.TrackSound;
import java.nio.file.Path;

/** A track's sound as mono samples at {@link #RATE}: enough to hear its parts, cheap to decode. */
final class SongSound {
  static final int RATE = 11025;
  /** Past ten minutes a song's parts are not where anyone starts a video's music. */
  static final double LONGEST_SECONDS = 600;

  private SongSound() {}

  static float[] decode(Ffmpeg ffmpeg, Path file) {
    return TrackSound.mono(ffmpeg, file, RATE, LONGEST_SECONDS);
  }
}
