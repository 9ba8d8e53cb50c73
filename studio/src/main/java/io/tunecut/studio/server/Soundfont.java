package io.tunecut.studio.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;

/**
 * The General MIDI SF2 soundfont the music is played with, read once and kept: the
 * instruments' samples stay loaded once a piece has used them.
 */
public final class Soundfont {
  /** Where Debian's fluid-soundfont-gm puts FluidR3_GM (MIT licence). */
  public static final Path DEBIAN = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
  private static final String HOW_TO_GET =
      "install Debian's fluid-soundfont-gm (./tunecut setup does) or set TUNECUT_SOUNDFONT to a General MIDI .sf2 file";

  private final Path file;
  private Soundbank bank;

  public Soundfont(Path file) {
    this.file = file;
  }

  /** {@code TUNECUT_SOUNDFONT}, else {@link #DEBIAN}; only the app reads the real environment. */
  public static Soundfont fromEnvironment(Map<String, String> env) {
    String configured = env.get("TUNECUT_SOUNDFONT");
    return new Soundfont(configured == null || configured.isBlank() ? DEBIAN : Path.of(configured.strip()));
  }

  public Path file() {
    return file;
  }

  /**
   * The soundbank, read on first use.
   *
   * @throws IOException no file, an SF3 (Java's synthesizer plays those as noise) or a broken
   *     file; the message says how to get a good one
   */
  public synchronized Soundbank bank() throws IOException {
    if (bank == null) {
      check();
      try {
        bank = MidiSystem.getSoundbank(file.toFile());
      } catch (InvalidMidiDataException | RuntimeException e) {
        throw new IOException("The soundfont " + file + " is damaged (" + e.getMessage() + "): " + HOW_TO_GET + ".", e);
      }
      if (bank.getInstruments().length == 0) {
        throw new IOException("The soundfont " + file + " is damaged (it has no instruments): " + HOW_TO_GET + ".");
      }
    }
    return bank;
  }

  /** Reads the RIFF header: an SF2 says {@code sfbk} and version 2 in its {@code ifil} chunk. */
  private void check() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("Composing music needs a soundfont and there is none at " + file + ": " + HOW_TO_GET
          + ". Music you send keeps working.");
    }
    byte[] head = new byte[64];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    boolean riff = read >= 32 && tag(head, 0).equals("RIFF") && tag(head, 8).equals("sfbk");
    int ifil = riff ? indexOf(head, "ifil") : -1;
    if (!riff || ifil < 0 || ifil + 10 > read) {
      throw new IOException("The soundfont " + file + " is not an SF2 file: " + HOW_TO_GET + ".");
    }
    int major = b.getShort(ifil + 8);
    if (major != 2) {
      throw new IOException("The soundfont " + file + " is an SF" + major + " file, which Java's synthesizer cannot play"
          + " (it would sound as noise): " + HOW_TO_GET + ".");
    }
  }

  private static String tag(byte[] bytes, int at) {
    return new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] bytes, String tag) {
    for (int i = 12; i + 4 <= bytes.length; i++) if (tag(bytes, i).equals(tag)) return i;
    return -1;
  }
}
