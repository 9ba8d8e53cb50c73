package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.AnalysisException;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The music's ducking, always taken from the timeline as it is now: each clip's speech (per
 * source file) trimmed and placed where the clip plays, none from a muted clip. The draft
 * keeps only the wish (the depth, or "don't duck"); the ranges are worked out again after
 * every turn and before every render, so a reorder, trim, montage or mute never leaves the
 * music dipping where nobody speaks.
 */
public final class SpeechDucking {
  private static final Logger log = LoggerFactory.getLogger(SpeechDucking.class);

  private final Function<Path, List<TimeRange>> speech;

  public SpeechDucking(AnalysisCache cache) {
    this(cache::speech);
  }

  SpeechDucking(Function<Path, List<TimeRange>> speech) {
    this.speech = speech;
  }

  /** Where people can be heard on the timeline now, padded and merged. */
  public List<Music.Range> heard(Draft draft, Collection<Media> media) {
    List<Ducking.Segment> segments = new ArrayList<>();
    for (int i = 0; i < draft.clips().size(); i++) {
      Clip clip = draft.clips().get(i);
      Optional<Media> source = media.stream().filter(m -> m.id().equals(clip.src())).findFirst();
      if (clip.level() <= 0 || source.isEmpty() || source.get().info().kind() != MediaKind.VIDEO
          || !source.get().info().hasAudio()) {
        continue;
      }
      segments.add(new Ducking.Segment(draft.clipStartMs(i) / 1000.0, clip.durationMs() / 1000.0,
          clip.inMs() / 1000.0, clip.level(), speech.apply(source.get().file()), clip.speed()));
    }
    return Ducking.ranges(segments, draft.durationMs() / 1000.0).stream()
        .map(r -> new Music.Range(r[0], r[1])).toList();
  }

  /**
   * After a turn: the music ducks under the speech heard now, by the depth last asked for
   * ({@link Ducking#DEFAULT_DB} when never asked), unless the person said not to.
   */
  public Draft follow(Draft draft, Collection<Media> media) {
    Music music = draft.music();
    if (music == null || music.duckRefused()) return draft;
    List<Music.Range> heard = heard(draft, media);
    if (heard.isEmpty() && music.duckDb() == null) return draft;
    double db = music.duckDb() == null ? Ducking.DEFAULT_DB : music.duckDb();
    return draft.withMusic(music.ducked(db, heard));
  }

  /**
   * Before a render: the ducking the draft asks for, on the timeline as it is (a client that
   * knows nothing of speech may have moved the clips). Adds no ducking that was not asked for;
   * when the speech cannot be analysed, the ranges stored in the draft are used.
   */
  public Draft refresh(Draft draft, Collection<Media> media) {
    Music music = draft.music();
    if (music == null || music.duckRefused() || music.duckDb() == null) return draft;
    try {
      return draft.withMusic(music.ducked(music.duckDb(), heard(draft, media)));
    } catch (AnalysisException e) {
      log.warn("speech analysis failed; rendering with the ducking stored in the draft: {}", e.getMessage());
      return draft;
    }
  }
}
