package io.tunecut.studio.internal.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The real-music evaluation set: excerpts of free-licence music shipped in Debian packages
 * (resources/beats/excerpts.tsv), each with reference beats from aubio and from the Queen Mary
 * bar-and-beat tracker (computed by tools/beat-references.sh), and where a recording is a
 * rendering of a MIDI file, the bar lines that file writes. A few excerpts' first 20 s are
 * kept as Opus files so the build can score real music without the packages.
 */
final class RealMusic {
  static final String DIRECTORY = "/beats/";

  /** One excerpt: where it comes from, under which licence, and its reference beats. */
  record Excerpt(String id, String debianPackage, Path file, double offset, double seconds,
      String licence, int beatsPerBar, List<Double> aubio, List<Double> qm,
      List<Integer> qmBarPositions, List<Double> writtenBars) {
    /** The installed package's file, or null when the package is not installed. */
    Path installed() {
      return Files.isRegularFile(file) ? file : null;
    }

    /** The 20 s kept in the repository, or null. */
    Path kept() {
      var url = RealMusic.class.getResource(DIRECTORY + id + ".opus");
      return url == null ? null : Path.of(url.getPath());
    }

    /**
     * Where bars start: the bar lines a MIDI file writes where the recording is a rendering of
     * one (ID.bars.txt), else the QM tracker's downbeats.
     */
    List<Double> bars() {
      return writtenBars.isEmpty() ? qmDownbeats() : writtenBars;
    }

    /** The reference's downbeats: the QM tracker's beats at bar position 1. */
    List<Double> qmDownbeats() {
      List<Double> down = new ArrayList<>();
      for (int i = 0; i < qm.size(); i++) {
        if (qmBarPositions.get(i) == 1) {
          down.add(qm.get(i));
        }
      }
      return down;
    }
  }

  private RealMusic() {}

  static List<Excerpt> excerpts() {
    List<Excerpt> out = new ArrayList<>();
    for (String line : resource("excerpts.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      List<Double> aubio = new ArrayList<>();
      for (String[] row : rows(f[0] + ".aubio.txt")) {
        aubio.add(Double.parseDouble(row[0]));
      }
      List<Double> qm = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (String[] row : rows(f[0] + ".qm.txt")) {
        qm.add(Double.parseDouble(row[0]));
        positions.add(Integer.parseInt(row[1]));
      }
      List<Double> written = new ArrayList<>();
      if (RealMusic.class.getResource(DIRECTORY + f[0] + ".bars.txt") != null) {
        for (String[] row : rows(f[0] + ".bars.txt")) {
          written.add(Double.parseDouble(row[0]));
        }
      }
      out.add(new Excerpt(f[0], f[1], Path.of(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), f[5], f.length > 6 ? Integer.parseInt(f[6].trim()) : 4, aubio, qm,
          positions, written));
    }
    return out;
  }

  /** The excerpts whose audio is kept in the repository. */
  static List<Excerpt> kept() {
    return excerpts().stream().filter(e -> e.kept() != null).toList();
  }

  /** Decodes {@code seconds} of {@code file} from {@code offset} to mono samples for the tracker. */
  static float[] decode(Path file, double offset, double seconds) {
    List<String> command = List.of("ffmpeg", "-nostdin", "-v", "error", "-ss", Double.toString(offset),
        "-t", Double.toString(seconds), "-i", file.toString(), "-ac", "1",
        "-ar", Integer.toString(BeatTracker.SAMPLE_RATE), "-f", "f32le", "-");
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] bytes;
      try (InputStream in = p.getInputStream()) {
        bytes = in.readAllBytes();
      }
      if (p.waitFor() != 0 || bytes.length == 0) {
        throw new IllegalStateException("ffmpeg could not decode " + file);
      }
      float[] samples = new float[bytes.length / 4];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    for (String line : resource(name).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.trim().split("\\s+"));
      }
    }
    return rows;
  }

  private static String resource(String name) {
    try (InputStream in = Objects.requireNonNull(RealMusic.class.getResourceAsStream(DIRECTORY + name),
        "missing test resource " + DIRECTORY + name)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
