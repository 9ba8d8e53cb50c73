package io.tunecut.studio.internal.compose;

import io.tunecut.studio.server.Soundfont;

import io.tunecut.studio.internal.compose.Score.Note;
import io.tunecut.studio.internal.compose.Score.Voice;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.midi.Instrument;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;

/**
 * Plays a score with Java's own software synthesizer (Gervill), offline and faster than real
 * time, loading only the instruments the score uses. A piece is cut at downbeats into passages
 * played at once, each on a synthesizer of its own: a passage's notes ring on into the next
 * one, and the passages add up to the same sound as one synthesizer playing it all (Gervill
 * mixes voices and reverb linearly). How a piece is cut depends on its length only, so the
 * same score sounds the same on any machine.
 */
final class Performer {
  static final int SAMPLE_RATE = Take.SAMPLE_RATE;
  /** A passage lasts about this long: short enough to keep every core busy, long enough that its tail costs little. */
  static final double PASSAGE = 15;
  private static final int MOST_PASSAGES = 16;
  /**
   * Synthesizers opened ahead at most: a minute's passages. Each holds about 9 MB (its voices,
   * mixer and instruments) until a piece takes it; a longer piece opens the rest as it plays.
   */
  private static final int MOST_AHEAD = 4;
  /** The ending's fade: at most this, and never into the final chord's downbeat. */
  private static final double FADE = 1.0;
  private static final ExecutorService PLAYERS = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "tunecut-performer");
        t.setDaemon(true);
        return t;
      });

  /** Told of the frames of a recording being played that are final. */
  @FunctionalInterface
  interface Done {
    /** @param sound the recording so far: its first {@code frames} as they will stay */
    void upTo(Recording sound, int frames) throws IOException;
  }

  private final Soundfont soundfont;
  private final double passage;
  private final Map<String, Instrument> instruments = new HashMap<>();
  /** Styles whose instruments' samples are read. */
  private final Set<String> ready = new HashSet<>();
  /** Synthesizers opened ahead with the instruments of the style prepared last, each for a passage. */
  private final Deque<Player> players = new ArrayDeque<>();
  /** One preparing opens players at a time, so two do not open a piece's worth each. */
  private final Object opening = new Object();

  Performer(Soundfont soundfont) {
    this(soundfont, PASSAGE);
  }

  /** @param passage about how long each passage is, seconds; infinite plays the piece in one go */
  Performer(Soundfont soundfont, double passage) {
    this.soundfont = soundfont;
    this.passage = passage;
  }

  /**
   * The score's exact length of sound, with the synthesizer's delay taken out, dying away to
   * silence at the end and never above {@link Recording#CEILING}. One piece at a time: its
   * passages already use every core.
   */
  synchronized Recording play(Score score) throws IOException {
    return play(score, (sound, frames) -> {});
  }

  /**
   * As {@link #play(Score)}, telling {@code done} as the passages are played in turn how many of
   * the recording's first frames are final; what it reads of them then stays as it is, unless
   * the whole recording is {@linkplain Recording#lowered() lowered} at the end.
   */
  synchronized Recording play(Score score, Done done) throws IOException {
    ready.add(score.style().name());
    Map<Voice, Instrument> chosen = new HashMap<>();
    for (Voice voice : score.voices()) chosen.put(voice, instrument(voice));
    int frames = (int) Math.round(score.seconds() * SAMPLE_RATE);
    List<Integer> starts = starts(score);
    List<List<Note>> notes = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) notes.add(new ArrayList<>());
    for (Note note : score.notes()) {
      int p = starts.size() - 1;
      while (p > 0 && note.seconds() * SAMPLE_RATE < starts.get(p)) p--;
      notes.get(p).add(note);
    }
    List<Player> opened = opened(score.voices(), starts.size());
    List<Future<Take>> takes = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int start = starts.get(p);
      int until = p + 1 < starts.size() ? starts.get(p + 1) : frames;
      List<Note> these = notes.get(p);
      Player openedAhead = p < opened.size() ? opened.get(p) : null;
      takes.add(PLAYERS.submit(() -> Take.play(openedAhead != null ? openedAhead : Player.open(score.voices(), chosen),
          these, start, until, frames)));
    }
    float[] left = new float[frames];
    float[] right = new float[frames];
    double tail = score.seconds() - score.tempo().downbeat(score.tempo().finalBar());
    double fade = Math.min(FADE, tail - 0.1);
    // before the fade, a frame is final once every passage starting before it is played
    int unfaded = frames - (int) Math.max(0, Math.round(fade * SAMPLE_RATE));
    Recording sofar = new Recording(left, right, SAMPLE_RATE, 0);
    int voices = 0;
    for (int p = 0; p < takes.size(); p++) {
      Take take = result(takes, p);
      int start = starts.get(p);
      for (int i = 0; i < take.left().length; i++) {
        left[start + i] += take.left()[i];
        right[start + i] += take.right()[i];
      }
      voices = Math.max(voices, take.voices());
      if (p + 1 < starts.size()) told(done, sofar, Math.min(unfaded, starts.get(p + 1)), takes);
    }
    Recording recording = new Recording(left, right, SAMPLE_RATE, voices);
    recording.fadeOut(fade);
    recording.limit();
    return recording;
  }

  /**
   * Reads the soundfont and the instruments' samples of {@code style}, which playing a piece in
   * it needs first, and plays its shortest piece, which gets Java compiling the synthesizer:
   * called while the piece cannot be written yet (the clip's cuts are still being found), it
   * spares the piece that wait and a tenth of its playing.
   */
  void prepare(Style style) throws IOException {
    prepare(style, 0);
  }

  /**
   * As {@link #prepare(Style)}, and opens a synthesizer with the style's instruments for each
   * passage of a piece of {@code seconds} (up to {@link #MOST_AHEAD}): loading them costs a third
   * of the playing. They wait for the next piece in this style; the previous style's are closed.
   */
  void prepare(Style style, double seconds) throws IOException {
    Score piece = new Composer(style, 1).compose(new Timeline(Composer.SHORTEST, List.of()));
    Map<Voice, Instrument> chosen = new HashMap<>();
    synchronized (this) {
      for (Voice voice : piece.voices()) chosen.put(voice, instrument(voice));
      if (ready.add(style.name())) {
        int frames = (int) Math.round(piece.seconds() * SAMPLE_RATE);
        Take.play(Player.open(piece.voices(), chosen), piece.notes(), 0, frames, frames);
      }
    }
    if (seconds <= 0) return;
    // not under the performer's lock: a piece played meanwhile takes the players opened so far
    synchronized (opening) {
      closeAllBut(piece.voices());
      while (count(piece.voices()) < Math.min(MOST_AHEAD, passages(seconds))) {
        Player player = Player.open(piece.voices(), chosen);
        synchronized (players) {
          players.add(player);
        }
      }
    }
  }

  /** Up to {@code most} of the players opened ahead for these voices, taken; others met on the way are closed. */
  private List<Player> opened(List<Voice> voices, int most) {
    List<Player> taken = new ArrayList<>();
    synchronized (players) {
      for (Player p; taken.size() < most && (p = players.poll()) != null; ) {
        if (p.voices().equals(voices)) taken.add(p);
        else p.close();
      }
    }
    return taken;
  }

  /** Closes the players no piece took (about 9 MB each): the studio is closing. */
  void closeOpenedAhead() {
    closeAllBut(List.of());
  }

  /** Closes the players opened for another style: the next piece is in this one. */
  private void closeAllBut(List<Voice> voices) {
    synchronized (players) {
      players.removeIf(p -> {
        if (p.voices().equals(voices)) return false;
        p.close();
        return true;
      });
    }
  }

  private int count(List<Voice> voices) {
    synchronized (players) {
      return (int) players.stream().filter(p -> p.voices().equals(voices)).count();
    }
  }

  /** How many passages a piece of about {@code seconds} is played in. */
  private int passages(double seconds) {
    return (int) Math.max(1, Math.min(MOST_PASSAGES, Math.round(seconds / passage)));
  }

  /**
   * Where each passage starts, in frames: the downbeats nearest equal parts of the piece, moved
   * back onto the synthesizer's control grid.
   */
  List<Integer> starts(Score score) {
    int frames = (int) Math.round(score.seconds() * SAMPLE_RATE);
    int count = passages(score.seconds());
    List<Double> downbeats = score.tempo().bars().stream().map(score.tempo()::downbeat).toList();
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int k = 1; k < count; k++) {
      double wanted = score.seconds() * k / count;
      double nearest = downbeats.stream().min((a, b) -> Double.compare(Math.abs(a - wanted), Math.abs(b - wanted)))
          .orElse(wanted);
      int frame = (int) (nearest * SAMPLE_RATE) / Take.BLOCK * Take.BLOCK;
      if (frame > starts.get(starts.size() - 1) && frame < frames) starts.add(frame);
    }
    return starts;
  }

  private static void told(Done done, Recording sofar, int frames, List<Future<Take>> takes) throws IOException {
    try {
      done.upTo(sofar, frames);
    } catch (IOException | RuntimeException e) {
      takes.forEach(t -> t.cancel(true));
      throw e;
    }
  }

  private static Take result(List<Future<Take>> takes, int p) throws IOException {
    try {
      return takes.get(p).get();
    } catch (InterruptedException e) {
      takes.forEach(t -> t.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while playing the music");
    } catch (ExecutionException e) {
      takes.forEach(t -> t.cancel(true));
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IOException(e.getCause());
    }
  }

  /** The voice's instrument, or the kit's or bank's first one of its kind when the soundfont lacks it. */
  private Instrument instrument(Voice voice) throws IOException {
    String key = (voice.isDrums() ? "kit " : "program ") + voice.program();
    Instrument known = instruments.get(key);
    if (known != null) return known;
    Soundbank bank = soundfont.bank();
    Instrument found = null;
    Instrument fallback = null;
    for (Instrument i : bank.getInstruments()) {
      Patch p = i.getPatch();
      if (percussion(p) != voice.isDrums() || p.getBank() != 0) continue;
      if (p.getProgram() == voice.program()) {
        found = i;
        break;
      }
      if (fallback == null || p.getProgram() == 0) fallback = i;
    }
    if (found == null) found = fallback;
    if (found == null) {
      throw new IOException("The soundfont " + soundfont.file() + " has no " + (voice.isDrums() ? "drum kit" : "instruments") + " at all.");
    }
    instruments.put(key, found);
    return found;
  }

  /** Gervill marks drum kits on its own patch class. */
  private static boolean percussion(Patch patch) {
    try {
      return (boolean) patch.getClass().getMethod("isPercussion").invoke(patch);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
