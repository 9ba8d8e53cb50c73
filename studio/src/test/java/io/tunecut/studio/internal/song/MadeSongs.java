package io.tunecut.studio.internal.song;

import io.tunecut.studio.internal.analysis.Beats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Songs of a known form written sample by sample at 120 bpm (a bar is 2 s), for tests: each
 * section a chord per bar and a melody note per beat; a loud section has a kick and a bass.
 * The same section name is the same music each time it comes (with a little fresh noise).
 */
public final class MadeSongs {
  public static final int RATE = SongSound.RATE;
  public static final double BAR = 2.0;
  private static final double BEAT = 0.5;

  /** How a section sounds: its chords (roots in Hz, one a bar), its level, and whether it has a beat and a bass. */
  public record Section(String name, int bars, double[] roots, double level, boolean drums, long seed) {}

  private MadeSongs() {}

  /** intro – verse – chorus – verse – chorus – bridge – chorus: choruses at 20, 52 and 76 s. */
  public static List<Section> popForm() {
    Section intro = new Section("intro", 2, new double[] {220, 220}, 0.03, false, 1);
    Section verse = new Section("verse", 8, new double[] {220, 174.6, 261.6, 196}, 0.05, false, 2);
    Section chorus = new Section("chorus", 8, new double[] {261.6, 196, 220, 174.6}, 0.3, true, 3);
    Section bridge = new Section("bridge", 4, new double[] {146.8, 164.8}, 0.12, true, 4);
    return List.of(intro, verse, chorus, verse, chorus, bridge, chorus);
  }

  /** A quiet start, a build without bass, the drop at 32 s, a breakdown, a shorter build, a second drop at 72 s. */
  public static List<Section> dropForm() {
    Section intro = new Section("intro", 8, new double[] {220, 261.6}, 0.04, false, 5);
    Section build = new Section("build", 8, new double[] {196, 196, 220, 246.9}, 0.09, false, 6);
    Section drop = new Section("drop", 8, new double[] {110, 130.8, 98, 87.3}, 0.3, true, 7);
    Section breakdown = new Section("breakdown", 8, new double[] {220, 174.6}, 0.03, false, 8);
    Section shortBuild = new Section("build", 4, new double[] {196, 196, 220, 246.9}, 0.09, false, 6);
    return List.of(intro, build, drop, breakdown, shortBuild, drop);
  }

  /** Every bar new chords, nothing heard twice; a louder stretch from 40 s to 56 s. */
  public static List<Section> throughComposed() {
    List<Section> sections = new ArrayList<>();
    Random random = new Random(11);
    for (int bar = 0; bar < 40; bar++) {
      boolean loud = bar >= 20 && bar < 28;
      double root = 130.8 * Math.pow(2, random.nextInt(24) / 12.0);
      sections.add(new Section("bar" + bar, 1, new double[] {root}, loud ? 0.25 : 0.06, loud, 100 + bar));
    }
    return sections;
  }

  /** Where each section named {@code name} starts, in seconds. */
  public static List<Double> starts(List<Section> form, String name) {
    List<Double> starts = new ArrayList<>();
    double at = 0;
    for (Section s : form) {
      if (s.name().equals(name)) starts.add(at);
      at += s.bars() * BAR;
    }
    return starts;
  }

  /** The beats as a tracker that heard them exactly would give them. */
  public static Beats beats(List<Section> form) {
    int bars = form.stream().mapToInt(Section::bars).sum();
    List<Double> beats = new ArrayList<>();
    List<Double> downbeats = new ArrayList<>();
    for (int b = 0; b < bars * 4; b++) {
      beats.add(b * BEAT);
      if (b % 4 == 0) downbeats.add(b * BEAT);
    }
    return new Beats(120, beats, downbeats, 4);
  }

  public static float[] samples(List<Section> form) {
    int bars = form.stream().mapToInt(Section::bars).sum();
    float[] out = new float[(int) (bars * BAR * RATE)];
    Random noise = new Random(99);
    int at = 0;
    for (Section s : form) {
      for (int bar = 0; bar < s.bars(); bar++) {
        double root = s.roots()[bar % s.roots().length];
        Random melody = new Random(s.seed() * 31 + bar % s.roots().length);
        for (int beat = 0; beat < 4; beat++) {
          double note = root * Math.pow(2, (new int[] {12, 16, 19, 24, 14, 17})[melody.nextInt(6)] / 12.0);
          int start = at + (int) ((bar * BAR + beat * BEAT) * RATE);
          for (int i = 0; i < BEAT * RATE && start + i < out.length; i++) {
            double t = i / (double) RATE;
            double v = s.level() * (0.5 * Math.sin(2 * Math.PI * root * t) + 0.3 * Math.sin(2 * Math.PI * root * 1.26 * t)
                + 0.3 * Math.sin(2 * Math.PI * root * 1.5 * t) + 0.4 * Math.exp(-4 * t) * Math.sin(2 * Math.PI * note * t));
            if (s.drums()) {
              v += s.level() * 1.2 * Math.exp(-18 * t) * Math.sin(2 * Math.PI * 55 * t); // kick
              v += s.level() * 0.8 * Math.sin(2 * Math.PI * root / 4 * t); // bass
              v += s.level() * 0.15 * Math.exp(-60 * t) * (noise.nextDouble() * 2 - 1); // hat
            }
            v += 0.002 * (noise.nextDouble() * 2 - 1);
            out[start + i] += (float) v;
          }
        }
      }
      at += (int) (s.bars() * BAR * RATE);
    }
    return out;
  }

  /** The song as a 16-bit mono WAV file. */
  public static Path wav(List<Section> form, Path file) throws IOException {
    float[] s = samples(form);
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * s.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes()).putInt(2 * s.length);
    for (float v : s) b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
    return Files.write(file, b.array());
  }
}
