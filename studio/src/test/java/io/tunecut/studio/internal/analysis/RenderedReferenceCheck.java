package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.internal.analysis.RealMusic.Excerpt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;

/**
 * Where an excerpt of the QM set is a recording of a MIDI file in the same package (planetblupi's
 * .ogg are renderings of its .mid), the file's written beats are the truth for the QM reference
 * too: the recording is aligned to our own rendering of the MIDI by the cross-correlation of
 * their onset envelopes, in each half of the excerpt (a drift between halves would show a
 * recording played at another speed).
 */
final class RenderedReferenceCheck {
  /** The recording starts at most this far before or after the MIDI file's time. */
  private static final double MAX_LAG = 3.0;
  private static final double FRAME_RATE = (double) BeatTracker.SAMPLE_RATE / BeatTracker.HOP;

  private RenderedReferenceCheck() {}

  /** The MIDI file a recording was rendered from, or null. */
  static Path midiOf(Excerpt e) {
    Path mid = e.file().resolveSibling(e.file().getFileName().toString().replaceFirst("\\.ogg$", ".mid"));
    return e.debianPackage().equals("planetblupi-music-ogg") && Files.isRegularFile(mid) && MidiRender.canRender()
        ? mid : null;
  }

  /** One table row per such excerpt: the QM reference's and our tracker's beats and bars against the MIDI's. */
  static String table(BeatTracker tracker) {
    StringBuilder out = new StringBuilder(
        "the QM reference against the MIDI truth, where the recording is a rendering of a MIDI file\n");
    out.append(String.format(Locale.ROOT, "%-20s %7s %7s %7s | %6s %6s %7s %6s %5s | %6s %6s %5s%n", "excerpt", "lag 1st",
        "lag 2nd", "lag low", "QM F", "CMLt", "offset", "down", "one@", "our F", "down", "one@"));
    for (Excerpt e : RealMusic.excerpts()) {
      Path mid = midiOf(e);
      if (mid == null || e.installed() == null) {
        continue;
      }
      try {
        float[] recording = RealMusic.decode(e.file(), e.offset(), e.seconds());
        double from = Math.max(0, e.offset() - MAX_LAG);
        float[] rendered = RealMusic.decode(MidiRender.render(mid, from, e.seconds() + 2 * MAX_LAG), 0,
            e.seconds() + 2 * MAX_LAG);
        OnsetEnvelope.Envelope ra = BeatTracker.envelope(recording);
        OnsetEnvelope.Envelope rb = BeatTracker.envelope(rendered);
        double[] a = ra.onset();
        double[] b = rb.onset();
        int half = a.length / 2;
        // recording time t is MIDI time t + offset - lag
        double lag1 = e.offset() - from - bestShift(a, 0, half, b);
        double lag2 = e.offset() - from - bestShift(a, half, a.length, b);
        // the kick and the bass tell beat 1 from beat 2 where the whole onset envelope may not
        double lagLow = e.offset() - from - bestShift(rises(ra.low()), 0, a.length, rises(rb.low()));
        MidiTruth.Truth truth = new MidiTruth(MidiSystem.getSequence(mid.toFile()))
            .between(e.offset() - lagLow, e.seconds());
        Beats ours = tracker.track(recording, BeatTracker.SAMPLE_RATE);
        out.append(String.format(Locale.ROOT, "%-20s %+7.3f %+7.3f %+7.3f | %6.3f %6.3f %+7.3f %6.3f %5s | %6.3f %6.3f %5s%n", e.id(),
            lag1, lag2, lagLow, BeatScores.fMeasure(truth.beats(), e.qm(), 0.070),
            BeatScores.continuity(truth.beats(), e.qm()).cmlT(), meanOffset(truth.beats(), e.qm()),
            RealMusicBench.downbeatRecall(truth.downbeats(), e.qmDownbeats()), barBeat(truth, e.qmDownbeats()),
            BeatScores.fMeasure(truth.beats(), ours.beats(), 0.070),
            RealMusicBench.downbeatRecall(truth.downbeats(), ours.downbeats()), barBeat(truth, ours.downbeats())));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      } catch (InvalidMidiDataException ex) {
        throw new IllegalStateException(mid + " is not a MIDI file", ex);
      }
    }
    return out.toString();
  }

  /** The rise of the log energy below 150 Hz per frame: kick and bass note onsets. */
  private static double[] rises(double[] low) {
    double[] out = new double[low.length];
    for (int i = 1; i < low.length; i++) {
      out[i] = Math.max(0, Math.log(1e-10 + low[i]) - Math.log(1e-10 + low[i - 1]));
    }
    return out;
  }

  /**
   * The shift in seconds (parabola-refined) at which {@code a}'s frames [from, to) best match
   * {@code b}: a[i] ~ b[i + shift].
   */
  private static double bestShift(double[] a, int from, int to, double[] b) {
    int max = (int) Math.round(2 * MAX_LAG * FRAME_RATE);
    double[] score = new double[max + 1];
    int best = 0;
    for (int s = 0; s <= max; s++) {
      double sum = 0;
      for (int i = from; i < to && i + s < b.length; i++) {
        sum += Math.max(0, a[i]) * Math.max(0, b[i + s]);
      }
      score[s] = sum;
      if (sum > score[best]) {
        best = s;
      }
    }
    double refined = best;
    if (best > 0 && best < max) {
      double d = score[best - 1] - 2 * score[best] + score[best + 1];
      if (d < 0) {
        refined += 0.5 * (score[best - 1] - score[best + 1]) / d;
      }
    }
    return refined / FRAME_RATE;
  }

  /**
   * On which beat of the written bar most of {@code downbeats} fall (1 where they are right),
   * or "-" where they are not on written beats.
   */
  static String barBeat(MidiTruth.Truth truth, List<Double> downbeats) {
    int[] count = new int[truth.beatsPerBar()];
    for (double d : downbeats) {
      for (int i = 0; i < truth.beats().size(); i++) {
        if (Math.abs(truth.beats().get(i) - d) <= 0.070) {
          count[Math.floorMod(beatInBar(truth, i), count.length)]++;
        }
      }
    }
    int best = 0;
    for (int p = 1; p < count.length; p++) {
      if (count[p] > count[best]) {
        best = p;
      }
    }
    return count[best] == 0 ? "-" : Integer.toString(best + 1);
  }

  /** The beat's index in its written bar, 0 for the downbeat. */
  static int beatInBar(MidiTruth.Truth truth, int beat) {
    double t = truth.beats().get(beat);
    int k = 0;
    for (int i = beat; i >= 0; i--, k++) {
      double b = truth.beats().get(i);
      if (truth.downbeats().stream().anyMatch(d -> Math.abs(d - b) < 1e-6)) {
        return k;
      }
    }
    // before the first bar line in the excerpt: count back from it
    double first = truth.downbeats().isEmpty() ? t : truth.downbeats().get(0);
    int after = (int) truth.beats().stream().filter(b -> b > t + 1e-6 && b < first - 1e-6).count() + 1;
    return -after;
  }

  /** The mean signed distance from each reference beat (after 5 s) to the nearest of {@code found}, within half a beat. */
  private static double meanOffset(List<Double> reference, List<Double> found) {
    List<Double> d = new ArrayList<>();
    for (int i = 1; i < reference.size(); i++) {
      double r = reference.get(i);
      if (r < BeatScores.SKIP) {
        continue;
      }
      double half = (r - reference.get(i - 1)) / 2;
      found.stream().min((x, y) -> Double.compare(Math.abs(x - r), Math.abs(y - r)))
          .filter(x -> Math.abs(x - r) < half).ifPresent(x -> d.add(x - r));
    }
    return d.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
