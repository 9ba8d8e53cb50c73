package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.RealMusic.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code bench beats}: our tracker against both reference trackers on every excerpt of the
 * real-music set, one row per excerpt and the means; and how the references agree with each
 * other; the metre column is the beats per bar we hear, ok where the set's metre is that. Excerpts whose Debian package is missing are listed with the packages to install.
 * A second table scores MIDI files, rendered, against the beats and bars they write.
 * Run with {@code -Dbench=beats}; the tables go to stdout and target/bench-beats.txt
 * ({@code -Dbench=midi}: the second table alone, to target/bench-midi.txt).
 */
@EnabledIfSystemProperty(named = "bench", matches = "beats|midi")
class RealMusicBench {
  /** Where the references agree this well, they are a ground truth worth a goal. */
  private static final double AGREEING = 0.8;

  record Row(String id, double aubioF, double qmF, double aubioCmlt, double qmCmlt, double amlt,
      double downbeats, double metre, int beatsPerBar, double agreeF, double agreeCmlt, double realTime) {}

  @Test
  @EnabledIfSystemProperty(named = "bench", matches = "beats")
  void scoresEveryExcerptAgainstBothReferences() throws IOException {
    BeatTracker tracker = new BeatTracker();
    List<Row> rows = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (Excerpt e : RealMusic.excerpts()) {
      if (e.installed() == null) {
        missing.add(e.debianPackage());
        continue;
      }
      float[] samples = RealMusic.decode(e.file(), e.offset(), e.seconds());
      tracker.track(samples, BeatTracker.SAMPLE_RATE); // warm up
      long t0 = System.nanoTime();
      Beats beats = tracker.track(samples, BeatTracker.SAMPLE_RATE);
      double seconds = (System.nanoTime() - t0) / 1e9;
      rows.add(score(e, beats, e.seconds() / seconds));
    }
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %6s %6s %6s %6s | %6s %6s | %5s%n",
        "excerpt", "F aub", "F qm", "CMLt a", "CMLt q", "AMLt", "down", "metre", "ref F", "ref C", "×RT"));
    for (Row r : rows) {
      table.append(line(r.id, r));
    }
    // the speed column of the means is the median: a busy machine slows single runs
    table.append(line("mean, all " + rows.size(), mean(rows, "mean")));
    List<Row> agreeing = rows.stream().filter(r -> r.agreeF >= AGREEING).toList();
    table.append(line("mean, refs agree (" + agreeing.size() + ")", mean(agreeing, "agree")));
    if (!missing.isEmpty()) {
      table.append("not installed (apt-get install -y ").append(String.join(" ", missing)).append(")\n");
    }
    table.append('\n').append(exactTruthTable(tracker));
    table.append('\n').append(RenderedReferenceCheck.table(tracker));
    System.out.print(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/bench-beats.txt"), table);
    assertThat(rows).as("excerpts measured").isNotEmpty();
  }

  /** {@code -Dbench=midi}: only the exact-truth table, to target/bench-midi.txt. */
  @Test
  @EnabledIfSystemProperty(named = "bench", matches = "midi")
  void scoresRenderedMidiAgainstItsWrittenBeats() throws IOException {
    String table = exactTruthTable(new BeatTracker()) + '\n' + RenderedReferenceCheck.table(new BeatTracker());
    System.out.print(table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/bench-midi.txt"), table);
    assertThat(table).as("exact-truth table").contains("mean");
  }

  record Exact(String id, double bpm, double f, double cmlt, double amlt, double downbeats, String one,
      double metre, int beatsPerBar, int truthPerBar) {}

  /**
   * Our tracker on MIDI files rendered with the General MIDI soundfont, scored against the beats
   * and bar lines the files write (resources/beats/midi.tsv).
   */
  static String exactTruthTable(BeatTracker tracker) {
    List<Exact> rows = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (MidiMusic.Excerpt e : MidiMusic.excerpts()) {
      if (!e.installed()) {
        missing.add(e.debianPackage());
        continue;
      }
      MidiTruth.Truth truth = e.truth();
      Beats beats = tracker.track(e.samples(), BeatTracker.SAMPLE_RATE);
      BeatScores.Continuity c = BeatScores.continuity(truth.beats(), beats.beats());
      rows.add(new Exact(e.id(), truth.bpm(), BeatScores.fMeasure(truth.beats(), beats.beats(), 0.070), c.cmlT(),
          c.amlT(), downbeatRecall(truth.downbeats(), beats.downbeats()),
          RenderedReferenceCheck.barBeat(truth, beats.downbeats()),
          beats.beatsPerBar() == truth.beatsPerBar() ? 1 : 0, beats.beatsPerBar(), truth.beatsPerBar()));
    }
    StringBuilder table = new StringBuilder("exact truth: MIDI files rendered, against the beats and bars they write\n");
    table.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %6s %6s %4s %7s%n", "excerpt", "BPM", "F", "CMLt", "AMLt",
        "down", "one@", "metre"));
    for (Exact r : rows) {
      table.append(String.format(Locale.ROOT, "%-28s %6.1f %6.3f %6.3f %6.3f %6.3f %4s %3d/%d %s%n", r.id, r.bpm, r.f,
          r.cmlt, r.amlt, r.downbeats, r.one, r.beatsPerBar, r.truthPerBar, r.metre > 0 ? "ok" : "no"));
    }
    int n = Math.max(1, rows.size());
    table.append(String.format(Locale.ROOT, "%-28s %6s %6.3f %6.3f %6.3f %6.3f %4s %5.3f%n", "mean, all " + rows.size(), "",
        rows.stream().mapToDouble(Exact::f).sum() / n, rows.stream().mapToDouble(Exact::cmlt).sum() / n,
        rows.stream().mapToDouble(Exact::amlt).sum() / n, rows.stream().mapToDouble(Exact::downbeats).sum() / n, "",
        rows.stream().mapToDouble(Exact::metre).sum() / n));
    if (!missing.isEmpty()) {
      table.append("not installed (apt-get install -y ").append(String.join(" ", missing))
          .append(" fluid-soundfont-gm)\n");
    }
    return table.toString();
  }

  static Row score(Excerpt e, Beats beats, double realTime) {
    List<Double> found = beats.beats();
    BeatScores.Continuity a = BeatScores.continuity(e.aubio(), found);
    BeatScores.Continuity q = BeatScores.continuity(e.qm(), found);
    BeatScores.Continuity refs = BeatScores.continuity(e.qm(), e.aubio());
    return new Row(e.id(), BeatScores.fMeasure(e.aubio(), found, 0.070),
        BeatScores.fMeasure(e.qm(), found, 0.070), a.cmlT(), q.cmlT(), Math.max(a.amlT(), q.amlT()),
        downbeatRecall(e.qmDownbeats(), beats.downbeats()),
        beats.beatsPerBar() == e.beatsPerBar() ? 1 : 0, beats.beatsPerBar(),
        BeatScores.fMeasure(e.qm(), e.aubio(), 0.070), refs.cmlT(), realTime);
  }

  /** The share of the reference's bars (after 5 s) whose first beat we also call a downbeat. */
  static double downbeatRecall(List<Double> reference, List<Double> found) {
    List<Double> bars = reference.stream().filter(t -> t >= BeatScores.SKIP).toList();
    if (bars.isEmpty()) {
      return 0;
    }
    long hit = bars.stream().filter(t -> found.stream().anyMatch(d -> Math.abs(d - t) <= 0.070)).count();
    return (double) hit / bars.size();
  }

  private static Row mean(List<Row> rows, String id) {
    int n = Math.max(1, rows.size());
    return new Row(id, rows.stream().mapToDouble(Row::aubioF).sum() / n,
        rows.stream().mapToDouble(Row::qmF).sum() / n,
        rows.stream().mapToDouble(Row::aubioCmlt).sum() / n,
        rows.stream().mapToDouble(Row::qmCmlt).sum() / n,
        rows.stream().mapToDouble(Row::amlt).sum() / n,
        rows.stream().mapToDouble(Row::downbeats).sum() / n,
        rows.stream().mapToDouble(Row::metre).sum() / n, 0,
        rows.stream().mapToDouble(Row::agreeF).sum() / n,
        rows.stream().mapToDouble(Row::agreeCmlt).sum() / n,
        rows.stream().mapToDouble(Row::realTime).sorted().skip(rows.size() / 2).findFirst().orElse(0));
  }

  private static String line(String label, Row r) {
    return String.format(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6s | %6.3f %6.3f | %5.0f%n",
        label, r.aubioF, r.qmF, r.aubioCmlt, r.qmCmlt, r.amlt, r.downbeats,
        r.beatsPerBar > 0 ? r.beatsPerBar + (r.metre > 0 ? " ok" : " no") : String.format(Locale.ROOT, "%.3f", r.metre),
        r.agreeF, r.agreeCmlt, r.realTime);
  }
}
