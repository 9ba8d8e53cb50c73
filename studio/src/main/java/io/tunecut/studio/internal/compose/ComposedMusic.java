package io.tunecut.studio.internal.compose;

import io.tunecut.studio.server.Soundfont;

import io.tunecut.studio.internal.agent.MusicMaker;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.AnalysisException;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Music composed for the timeline: its beats on the cuts, exactly as long as the video, played
 * by Java's synthesizer from a General MIDI soundfont and kept as an m4a among the person's
 * media ("upbeat pop for travel.mp4, 112 BPM.m4a"). The style and seed are in the file's name,
 * and the same timeline, style and seed give the same music. The m4a holds Apple Lossless:
 * the render encodes the music once, and a lossless copy here costs a third of an AAC encode.
 * For clips sent alone the music the plain request would make is made ahead ({@link #makeAhead}):
 * the turn asking for exactly that music takes it (see {@link Rehearsals}).
 */
public final class ComposedMusic implements MusicMaker, AutoCloseable {
  private static final Duration ENCODE_TIMEOUT = Duration.ofMinutes(2);
  /** How ffprobe names the MP4 family the track is written in. */
  private static final String CONTAINER = "mov,mp4,m4a,3gp,3g2,mj2";
  private static final SecureRandom IDS = new SecureRandom();
  /** Reads instruments beside the turn that waits for the cuts. */
  private static final ExecutorService PREPARING = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tunecut-preparing");
    t.setDaemon(true);
    return t;
  });
  /**
   * Tells the listener beside the encoding. Not on {@link #PREPARING}: there a turn's waveform
   * would wait for another turn's instruments (which wait for the piece being played).
   */
  private static final ExecutorService HEARING = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tunecut-hearing");
    t.setDaemon(true);
    return t;
  });
  private static final Pattern MADE = Pattern.compile("med_[0-9a-f]{16}-([a-z0-9-]+)-seed-(\\d{1,18})\\.m4a");

  private final Path directory;
  private final Ffmpeg ffmpeg;
  private final AnalysisCache analysis;
  private final Performer performer;
  private final Listener listener;
  private final Soundfont soundfont;
  private final Rehearsals rehearsals = new Rehearsals();
  private final AtomicBoolean warmed = new AtomicBoolean();

  /**
   * Told of each track's sound as it is made, so what is drawn of it (its waveform) needs no
   * decoding of the file. Called on another thread while the file is written, before
   * {@link #make} returns the track; it must not fail the music.
   */
  @FunctionalInterface
  public interface Listener {
    /** @param mono the track's samples, -1..1, both channels' mean, as the file holds them */
    void heard(String mediaId, float[] mono, int sampleRate);
  }

  /**
   * @param dataDir the studio's data directory: tracks go under {@code media/composed}
   * @param analysis the studio's cut analysis of the clips
   */
  public ComposedMusic(Path dataDir, Ffmpeg ffmpeg, AnalysisCache analysis, Soundfont soundfont) {
    this(dataDir, ffmpeg, analysis, soundfont, (id, mono, rate) -> {});
  }

  /** @param listener told of each track's sound as it is made */
  public ComposedMusic(Path dataDir, Ffmpeg ffmpeg, AnalysisCache analysis, Soundfont soundfont, Listener listener) {
    this.directory = dataDir.toAbsolutePath().normalize().resolve("media").resolve("composed");
    this.ffmpeg = ffmpeg;
    this.analysis = analysis;
    this.performer = new Performer(soundfont);
    this.listener = listener;
    this.soundfont = soundfont;
  }

  @Override
  public Media make(Draft draft, List<Media> media, Wish wish) throws IOException {
    if (draft.clips().isEmpty()) throw new IOException("There is no video to make music for yet: send a clip first.");
    Style style = style(wish);
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    // The cuts may still be being found (the clip arrived a moment ago): the instruments are read meanwhile.
    PREPARING.execute(() -> prepare(style));
    Timeline timeline = Timeline.of(draft, byId, this::cuts);
    if (timeline.seconds() < Composer.SHORTEST) {
      throw new IOException(String.format(Locale.ROOT, "The video is %.1f s long: music of its own needs at least %.0f s.",
          timeline.seconds(), Composer.SHORTEST));
    }
    Piece piece = rehearsals.take(key(draft, timeline, style, wish.seed()), this::play);
    if (piece.mono() != null) {
      try {
        listener.heard(piece.id(), piece.mono(), Performer.SAMPLE_RATE);
      } catch (RuntimeException e) {
        // the track stands without it: its waveform is read from the file instead
      }
    }
    // the tracker would hear 122 BPM in music written at 120: the name and every sync reply say what was written
    analysis.knowBeats(piece.file(), piece.beats());
    String version = wish.seed() > 1 ? ", version " + wish.seed() : "";
    String name = style.name() + " for " + title(draft, byId) + ", " + piece.bpm() + " BPM" + version + ".m4a";
    return new Media(piece.id(), name, piece.info(), piece.file());
  }

  /**
   * Starts making, in the background, the music {@link #make} would make for this draft on the
   * plain request (the default style and seed), once the clips' cuts are found (its instruments
   * are read and a synthesizer opened for each passage meanwhile), in place of what was made
   * ahead for the session before; a turn asking
   * for it then takes it. Nothing is made without a soundfont, or for a timeline too short for music.
   *
   * @param session whose draft it is: one piece made ahead per session
   */
  public void makeAhead(String session, Draft draft, List<Media> media) {
    if (draft.clips().isEmpty() || !Files.isRegularFile(soundfont.file())) {
      rehearsals.drop(session);
      return;
    }
    Style style = style(Wish.defaults());
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    rehearsals.start(session, () -> {
      // the instruments are read, and the synthesizers opened, while the cuts are found
      try {
        performer.prepare(style, draft.durationMs() / 1000.0);
      } catch (IOException e) {
        return Optional.empty();
      }
      Timeline timeline = Timeline.of(draft, byId, this::cuts);
      if (timeline.seconds() < Composer.SHORTEST) return Optional.empty();
      return Optional.of(key(draft, timeline, style, Wish.defaults().seed()));
    }, this::play);
  }

  /**
   * Gets the synthesizer ready for the plain request's music, in the background: its soundfont
   * and instruments read, and Java compiling it. Called when a clip arrives, long before its cuts,
   * which the music waits for; done once.
   */
  public void warmUp() {
    if (Files.isRegularFile(soundfont.file()) && warmed.compareAndSet(false, true)) {
      PREPARING.execute(() -> prepare(style(Wish.defaults())));
    }
  }

  /** Drops what was made ahead for the session (a track was sent, or the session is gone). */
  public void dropAhead(String session) {
    rehearsals.drop(session);
  }

  /** Whether music made ahead for the session is finished (or failed) and waits to be asked for. */
  public boolean madeAhead(String session) {
    return rehearsals.ready(session);
  }

  /** Whether music is made, or being made, ahead for the session. */
  public boolean makingAhead(String session) {
    return rehearsals.has(session);
  }

  /** Stops making music ahead, deletes what nobody asked for and closes the synthesizers opened for it. */
  @Override
  public void close() {
    rehearsals.close();
    performer.closeOpenedAhead();
  }

  private static Rehearsals.Key key(Draft draft, Timeline timeline, Style style, long seed) {
    return new Rehearsals.Key(timeline, style.name(), seed, draft.clips().stream().map(Clip::src).toList());
  }

  /**
   * Composes, plays and encodes the music for {@code key}. When it is {@code asked} for by the
   * time it is played (a turn's own, or made ahead and taken meanwhile) the listener hears it
   * beside the encoding; else its sound is held for the turn that takes it.
   */
  private Piece play(Rehearsals.Key key, BooleanSupplier asked) throws IOException {
    Style style = Styles.all().stream().filter(s -> s.name().equals(key.style())).findFirst().orElse(Styles.standard());
    Files.createDirectories(directory);
    String id = "med_" + HexFormat.of().formatHex(bytes());
    Path file = directory.resolve(id + "-" + slug(style) + "-seed-" + key.seed() + ".m4a");
    try (Encoding encoding = Encoding.start(ffmpeg.ffmpegProgram(), Performer.SAMPLE_RATE, file, ENCODE_TIMEOUT)) {
      Score score = new Composer(style, key.seed()).compose(key.timeline());
      Recording sound = performer.play(score, encoding::write);
      boolean now = asked.getAsBoolean();
      // Told while ffmpeg encodes, on the other core: the waveform costs no time of its own.
      CompletableFuture<Void> heard = now
          ? CompletableFuture.runAsync(() -> listener.heard(id, sound.mono(), Performer.SAMPLE_RATE), HEARING)
          : CompletableFuture.completedFuture(null);
      encoding.finish(sound);
      try {
        heard.join();
      } catch (CompletionException e) {
        // the track stands without it: its waveform is read from the file instead
      }
      return new Piece(id, file, info(sound), score.beats(), score.bpm(), now ? null : sound.mono());
    }
  }

  @Override
  public Optional<String> styleIn(String words) {
    return Styles.find(words).map(Style::name);
  }

  @Override
  public String calmer(String style) {
    return Styles.calmerThan(style(new Wish(style, 1))).name();
  }

  @Override
  public String livelier(String style) {
    return Styles.livelierThan(style(new Wish(style, 1))).name();
  }

  @Override
  public String styleName(String style, boolean chinese) {
    Style s = style(new Wish(style, 1));
    return chinese ? s.chinese() : s.name();
  }

  /** Read back from the file's name, which this maker wrote: {@code <id>-<style>-seed-<n>.m4a}. */
  @Override
  public Optional<Wish> wishOf(Media track) {
    Matcher m = MADE.matcher(track.file().getFileName().toString());
    if (!m.matches() || !track.file().startsWith(directory)) return Optional.empty();
    String slug = m.group(1);
    return Styles.all().stream().filter(s -> slug(s).equals(slug)).findFirst()
        .map(s -> new Wish(s.name(), Long.parseLong(m.group(2))));
  }

  private static String slug(Style style) {
    return style.name().replaceAll("[^a-z0-9]+", "-");
  }

  private static byte[] bytes() {
    byte[] b = new byte[8];
    IDS.nextBytes(b);
    return b;
  }

  private static Style style(Wish wish) {
    if (wish.style() == null || wish.style().isBlank()) return Styles.standard();
    return Styles.find(wish.style()).orElse(Styles.standard());
  }

  /** Preparing that fails (no soundfont) says nothing: playing the piece fails the same way and says why. */
  private void prepare(Style style) {
    try {
      performer.prepare(style);
    } catch (IOException | RuntimeException e) {
      // the piece's own playing reports it
    }
  }

  /** A clip the analysis cannot read still has its boundaries; only its inner cuts are left out. */
  private Cuts cuts(Path file) {
    try {
      return analysis.cuts(file);
    } catch (AnalysisException e) {
      return new Cuts(List.of(), List.of());
    }
  }

  /**
   * What ffprobe would read in the track, known from what was written: 16-bit stereo at the
   * synthesizer's rate, Apple Lossless in MP4, as long as the recording to the sample (the MP4
   * keeps the last, shorter packet's length). ffmpeg has just written it without an error.
   */
  private static MediaInfo info(Recording sound) {
    return new MediaInfo(MediaKind.AUDIO, (double) sound.frames() / Performer.SAMPLE_RATE, 0, 0, 0, 0, 2, null, "alac",
        CONTAINER);
  }

  /** "travel.mp4", or "travel.mp4 and 2 more clips". */
  private static String title(Draft draft, Map<String, Media> media) {
    Clip first = draft.clips().get(0);
    Media source = media.get(first.src());
    String name = source != null ? source.filename() : first.name().isBlank() ? "your video" : first.name();
    long others = draft.clips().stream().map(Clip::src).distinct().count() - 1;
    return others <= 0 ? name : name + " and " + others + (others == 1 ? " more clip" : " more clips");
  }
}
