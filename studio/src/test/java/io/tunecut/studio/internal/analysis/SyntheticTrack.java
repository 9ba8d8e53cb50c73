package io.tunecut.studio.internal.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Music with beats at exactly known times: the ground truth for the beat tracker. */
final class SyntheticTrack {
  static final int RATE = BeatTracker.SAMPLE_RATE;

  /** {@code WALTZ}: three beats a bar, kick and a bass note on one, a light snare on two and three. */
  enum Style { CLICKS, DRUMS, OFFBEAT_TRAP, WALTZ }

  /** The waltz's bass line, a note a bar: the chord changes on the downbeat. */
  private static final double[] BASS_HZ = {55, 73.4, 61.7, 82.4};

  final float[] samples;
  final List<Double> beats;
  final List<Double> downbeats;

  private SyntheticTrack(float[] samples, List<Double> beats, List<Double> downbeats) {
    this.samples = samples;
    this.beats = beats;
    this.downbeats = downbeats;
  }

  static Builder of(Style style, double bpm) {
    return new Builder(style, bpm);
  }

  static final class Builder {
    private final Style style;
    private final double bpm;
    private double seconds = 24;
    private double swing;
    private double jitterMs;
    private double driftBpm;
    private Double snrDb;
    private long seed = 7;

    private Builder(Style style, double bpm) {
      this.style = style;
      this.bpm = bpm;
    }

    Builder seconds(double s) { seconds = s; return this; }
    /** Off-beat eighths delayed by this fraction of a beat (0.17 ≈ triplet swing). */
    Builder swing(double s) { swing = s; return this; }
    Builder jitterMs(double ms) { jitterMs = ms; return this; }
    /** Tempo changes linearly by this many BPM over the track. */
    Builder driftBpm(double d) { driftBpm = d; return this; }
    Builder noiseAtSnr(double db) { snrDb = db; return this; }
    Builder seed(long s) { seed = s; return this; }

    SyntheticTrack build() {
      Random random = new Random(seed);
      float[] x = new float[(int) (seconds * RATE)];
      List<Double> beats = new ArrayList<>();
      List<Double> downbeats = new ArrayList<>();
      double t = 0.5;
      int index = 0;
      while (t < seconds - 0.3) {
        double jitter = jitterMs * random.nextGaussian() / 1000;
        double at = t + jitter;
        beats.add(at);
        int bar = style == Style.WALTZ ? 3 : 4;
        boolean down = index % bar == 0;
        if (down) {
          downbeats.add(at);
        }
        double currentBpm = bpm + driftBpm * t / seconds;
        double period = 60 / currentBpm;
        switch (style) {
          case CLICKS -> click(x, at, down ? 1.0 : 0.6);
          case DRUMS -> {
            if (index % 2 == 0) {
              kick(x, at, down ? 1.0 : 0.75);
              if (down) {
                bass(x, at, period * 2);
              }
            } else {
              snare(x, at, 0.7, random);
            }
            hat(x, at, 0.25, random);
            hat(x, at + period * (0.5 + swing), 0.18, random);
          }
          case WALTZ -> {
            if (down) {
              kick(x, at, 1.0);
              bass(x, at, period * 3, BASS_HZ[(index / 3) % BASS_HZ.length]);
            } else {
              snare(x, at, 0.45, random);
            }
            hat(x, at, 0.25, random);
          }
          case OFFBEAT_TRAP -> {
            hat(x, at, 0.1, random);
            snare(x, at + period / 2, 0.9, random);
          }
        }
        t += period;
        index++;
      }
      if (snrDb != null) {
        double signal = 0;
        for (float v : x) {
          signal += v * v;
        }
        double noiseRms = Math.sqrt(signal / x.length / Math.pow(10, snrDb / 10));
        for (int i = 0; i < x.length; i++) {
          x[i] += (float) (noiseRms * random.nextGaussian());
        }
      }
      double peak = 1e-9;
      for (float v : x) {
        peak = Math.max(peak, Math.abs(v));
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (x[i] / peak * 0.8);
      }
      return new SyntheticTrack(x, beats, downbeats);
    }
  }

  private static void click(float[] x, double at, double gain) {
    int start = (int) Math.round(at * RATE);
    for (int i = 0; i < RATE / 50 && start + i < x.length; i++) {
      double env = Math.exp(-i / (RATE * 0.004));
      x[start + i] += (float) (gain * env * Math.sin(2 * Math.PI * 1500 * i / RATE));
    }
  }

  private static void kick(float[] x, double at, double gain) {
    int start = (int) Math.round(at * RATE);
    double phase = 0;
    for (int i = 0; i < RATE * 0.25 && start + i < x.length; i++) {
      double time = (double) i / RATE;
      double freq = 50 + 100 * Math.exp(-time / 0.03);
      phase += 2 * Math.PI * freq / RATE;
      x[start + i] += (float) (gain * Math.exp(-time / 0.08) * Math.sin(phase));
    }
  }

  private static void snare(float[] x, double at, double gain, Random random) {
    int start = (int) Math.round(at * RATE);
    for (int i = 0; i < RATE * 0.18 && start + i < x.length; i++) {
      double time = (double) i / RATE;
      double env = Math.exp(-time / 0.05);
      double body = Math.sin(2 * Math.PI * 190 * time) * Math.exp(-time / 0.03);
      x[start + i] += (float) (gain * (0.6 * env * random.nextGaussian() * 0.5 + 0.5 * body));
    }
  }

  private static void hat(float[] x, double at, double gain, Random random) {
    int start = (int) Math.round(at * RATE);
    double previous = 0;
    for (int i = 0; i < RATE * 0.05 && start + i < x.length; i++) {
      double n = random.nextGaussian();
      double high = n - previous;
      previous = n;
      x[start + i] += (float) (gain * 0.3 * Math.exp(-i / (RATE * 0.012)) * high);
    }
  }

  private static void bass(float[] x, double at, double length) {
    bass(x, at, length, 55);
  }

  private static void bass(float[] x, double at, double length, double hz) {
    int start = (int) Math.round(at * RATE);
    for (int i = 0; i < RATE * length && start + i < x.length; i++) {
      double time = (double) i / RATE;
      x[start + i] += (float) (0.3 * Math.exp(-time / 0.4) * Math.sin(2 * Math.PI * hz * time));
    }
  }

  /** 16-bit mono WAV, so ffmpeg decodes it like any upload. */
  Path writeWav(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples.length * 2);
    for (float v : samples) {
      b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
    }
    Files.write(file, b.array());
    return file;
  }
}
