package io.tunecut.studio.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;

/**
 * The exact-truth set (resources/beats/midi.tsv): MIDI files shipped in Debian packages,
 * rendered offline with the General MIDI soundfont, whose beats and bar lines are those the
 * file writes (see {@link MidiTruth}). A few of the files are kept in resources/beats/midi.
 */
final class MidiMusic {
  /** The MIDI files kept in the test resources, under their installed names. */
  static final String KEPT = RealMusic.DIRECTORY + "midi/";

  /** One excerpt: where it comes from, under which licence, which part of it. */
  record Excerpt(String id, String debianPackage, Path file, double offset, double seconds, String licence) {
    /** Whether its MIDI file (installed or kept here) and the soundfont are there. */
    boolean installed() {
      return midi() != null && MidiRender.canRender();
    }

    /**
     * The installed package's file, else the copy kept in the test resources (a few files, so
     * that the build scores one without the package), else null.
     */
    Path midi() {
      if (Files.isRegularFile(file)) {
        return file;
      }
      var kept = MidiMusic.class.getResource(KEPT + file.getFileName());
      return kept == null ? null : Path.of(kept.getPath());
    }

    MidiTruth.Truth truth() {
      try {
        return new MidiTruth(MidiSystem.getSequence(midi().toFile())).between(offset, seconds);
      } catch (InvalidMidiDataException e) {
        throw new IllegalStateException(file + " is not a MIDI file", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Its first {@code length} seconds. */
    Excerpt first(double length) {
      return new Excerpt(id, debianPackage, file, offset, Math.min(length, seconds), licence);
    }

    /** The rendered excerpt as mono samples for the tracker (rendered on first use, then kept). */
    float[] samples() {
      try {
        return RealMusic.decode(MidiRender.render(midi(), offset, seconds), 0, seconds);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private MidiMusic() {}

  static List<Excerpt> excerpts() {
    List<Excerpt> out = new ArrayList<>();
    String tsv;
    try (InputStream in = Objects.requireNonNull(MidiMusic.class.getResourceAsStream(RealMusic.DIRECTORY + "midi.tsv"),
        "missing test resource midi.tsv")) {
      tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Excerpt(f[0], f[1], Path.of(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5]));
    }
    return out;
  }

  static Excerpt named(String id) {
    return excerpts().stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no excerpt " + id + " in midi.tsv"));
  }
}
