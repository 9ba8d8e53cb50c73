package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.server.Soundfont;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A MIDI file played offline by Java's software synthesizer (Gervill) with the General MIDI
 * soundfont the studio composes with, as a mono WAV kept under target/ so a bench renders each
 * excerpt once. Gervill's offline stream is not exported: the tests run with the flag the
 * compose package needs too (see the root pom's surefire argLine).
 */
final class MidiRender {
  static final int SAMPLE_RATE = 44100;
  /** Gervill plays every event two control periods (of 300 frames at 44.1 kHz) late. */
  private static final int LATENCY_FRAMES = 2 * (SAMPLE_RATE / 147);
  private static final Path CACHE = Path.of("target", "midi-renders");

  private MidiRender() {}

  /** Whether the soundfont is installed. */
  static boolean canRender() {
    return Files.isRegularFile(Soundfont.DEBIAN);
  }

  /**
   * {@code length} seconds of {@code midi} from {@code from}, rendered once and kept.
   *
   * @return a mono 16-bit WAV at {@value #SAMPLE_RATE} Hz
   */
  static Path render(Path midi, double from, double length) throws IOException {
    String name = String.format(Locale.ROOT, "%s-%.1f-%.1f.wav", midi.getFileName(), from, length);
    Path wav = CACHE.resolve(name);
    if (Files.isRegularFile(wav)) {
      return wav;
    }
    float[] mono;
    try {
      mono = play(MidiSystem.getSequence(midi.toFile()), from, length);
    } catch (InvalidMidiDataException e) {
      throw new IOException(midi + " is not a MIDI file: " + e.getMessage(), e);
    }
    Files.createDirectories(CACHE);
    Path partial = CACHE.resolve(name + ".part");
    write(mono, partial);
    Files.move(partial, wav, StandardCopyOption.REPLACE_EXISTING);
    return wav;
  }

  private static float[] play(Sequence sequence, double from, double length) throws IOException {
    MidiTruth clock = new MidiTruth(sequence);
    List<MidiEvent> events = new ArrayList<>();
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        if (track.get(i).getMessage() instanceof ShortMessage) {
          events.add(track.get(i));
        }
      }
    }
    events.sort(Comparator.comparingLong(MidiEvent::getTick));
    Synthesizer synth;
    try {
      synth = MidiSystem.getSynthesizer();
    } catch (MidiUnavailableException e) {
      throw new IOException("Java's software synthesizer is not available", e);
    }
    AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, SAMPLE_RATE, 32, 2, 8, SAMPLE_RATE, false);
    try (InputStream sound = openStream(synth, format)) {
      synth.loadAllInstruments(new Soundfont(Soundfont.DEBIAN).bank());
      Receiver receiver = synth.getReceiver();
      double end = from + length;
      for (MidiEvent e : events) {
        double t = clock.seconds(e.getTick());
        if (t > end) {
          break;
        }
        receiver.send((MidiMessage) e.getMessage().clone(), Math.round(t * 1e6));
      }
      int skip = (int) Math.round(from * SAMPLE_RATE) + LATENCY_FRAMES;
      sound.skipNBytes(skip * 8L);
      int frames = (int) Math.round(length * SAMPLE_RATE);
      byte[] bytes = sound.readNBytes(frames * 8);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      float[] mono = new float[bytes.length / 8];
      for (int i = 0; i < mono.length; i++) {
        mono[i] = (b.getFloat() + b.getFloat()) / 2;
      }
      return mono;
    } catch (MidiUnavailableException e) {
      throw new IOException("Java's software synthesizer did not start", e);
    } finally {
      synth.close();
    }
  }

  /** Gervill's offline output: {@code AudioSynthesizer.openStream}, by reflection. */
  private static InputStream openStream(Synthesizer synth, AudioFormat format) throws IOException {
    try {
      return (InputStream) synth.getClass().getMethod("openStream", AudioFormat.class, Map.class)
          .invoke(synth, format, Map.of("load default soundbank", false, "max polyphony", 256));
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
      throw new IOException("Java's synthesizer cannot be played offline here: " + cause, cause);
    }
  }

  /** 16-bit mono, scaled to a peak of 0.9: the tracker hears shape, not level. */
  private static void write(float[] mono, Path wav) throws IOException {
    float peak = 1e-9f;
    for (float v : mono) {
      peak = Math.max(peak, Math.abs(v));
    }
    ByteBuffer out = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : mono) {
      out.putShort((short) Math.round(v / peak * 0.9f * Short.MAX_VALUE));
    }
    AudioFormat pcm = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(out.array()), pcm, mono.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
    }
  }
}
