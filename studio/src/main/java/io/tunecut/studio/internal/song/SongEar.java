package io.tunecut.studio.internal.song;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.analysis.Beats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Listens to a track for its parts, on the bars of the track's beat analysis. A song is heard
 * once per file content (path, size and time) while the studio runs: asking for the chorus and
 * then the drop decodes it once.
 */
public final class SongEar {
  private final Ffmpeg ffmpeg;
  private final Function<Path, Beats> beats;
  private final Cache<String, SongParts> heard = Caffeine.newBuilder().maximumSize(64).build();

  /** @param beats the track's beat analysis (the studio's cached one) */
  public SongEar(Ffmpeg ffmpeg, Function<Path, Beats> beats) {
    this.ffmpeg = ffmpeg;
    this.beats = beats;
  }

  /** @throws RuntimeException the file cannot be read or decoded (an {@code AnalysisException} or {@code UncheckedIOException}) */
  public SongParts parts(Path track) {
    return heard.get(identity(track), k -> {
      Beats grid = beats.apply(track);
      return hear(SongSound.decode(ffmpeg, track), grid);
    });
  }

  /** The parts of a song already decoded (mono at {@link SongSound#RATE}), on {@code grid}'s bars. */
  static SongParts hear(float[] samples, Beats grid) {
    return new PartFinder(BeatSound.of(samples, SongSound.RATE, grid.beats()), grid).find();
  }

  private static String identity(Path track) {
    try {
      return track.toAbsolutePath() + "|" + Files.size(track) + "|" + Files.getLastModifiedTime(track).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + track.getFileName(), e);
    }
  }
}
