package io.tunecut.studio.compose;

import io.tunecut.studio.compose.Score.Note;
import io.tunecut.studio.compose.Score.Voice;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;

/**
 * Plays a score with Java's own software synthesizer (Gervill), offline and faster than real
 * time, loading only the instruments the score uses. One performance at a time: the
 * synthesizer is heavy and the machine small.
 */
final class Performer {
  static final int SAMPLE_RATE = 44100;
  /** Gervill's control rate: it plays every event two control periods late. */
  private static final int CONTROL_RATE = 147;
  static final int LATENCY_FRAMES = 2 * (SAMPLE_RATE / CONTROL_RATE);
  static final String MODULE_FLAG = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";
  private static final int REVERB = 91;
  private static final int VOLUME = 7;
  /** The ending's fade: at most this, and never into the final chord's downbeat. */
  private static final double FADE = 1.0;

  private final Soundfont soundfont;

  Performer(Soundfont soundfont) {
    this.soundfont = soundfont;
  }

  /**
   * The score's exact length of sound, with the synthesizer's delay taken out, dying away to
   * silence at the end and never above {@link Recording#CEILING}.
   */
  synchronized Recording play(Score score) throws IOException {
    Soundbank bank = soundfont.bank();
    Synthesizer synth;
    try {
      synth = MidiSystem.getSynthesizer();
    } catch (MidiUnavailableException e) {
      throw new IOException("Java's software synthesizer is not available: " + e.getMessage(), e);
    }
    AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, SAMPLE_RATE, 32, 2, 8, SAMPLE_RATE, false);
    try (InputStream sound = openStream(synth, format)) {
      Receiver receiver = synth.getReceiver();
      for (Voice voice : score.voices()) {
        Instrument instrument = instrument(bank, voice);
        synth.loadInstrument(instrument);
        int channel = voice.channel();
        receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, voice.program(), 0), 0);
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, VOLUME, 100), 0);
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, REVERB, voice.isDrums() ? 24 : 48), 0);
      }
      for (Note note : score.notes()) {
        long on = Math.round(note.seconds() * 1e6);
        long off = Math.round((note.seconds() + note.length()) * 1e6);
        receiver.send(new ShortMessage(ShortMessage.NOTE_ON, note.channel(), note.pitch(), note.velocity()), on);
        receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, note.channel(), note.pitch(), 0), off);
      }
      int frames = (int) Math.round(score.seconds() * SAMPLE_RATE);
      sound.skipNBytes(LATENCY_FRAMES * 8L);
      Recording recording = read(sound, frames);
      double tail = score.seconds() - score.tempo().downbeat(score.tempo().finalBar());
      recording.fadeOut(Math.min(FADE, tail - 0.1));
      recording.limit();
      return recording;
    } catch (MidiUnavailableException e) {
      throw new IOException("Java's software synthesizer is not available: " + e.getMessage(), e);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("a note outside MIDI's range", e);
    } finally {
      synth.close();
    }
  }

  private static Recording read(InputStream sound, int frames) throws IOException {
    float[] left = new float[frames];
    float[] right = new float[frames];
    byte[] chunk = new byte[8 * 4096];
    int frame = 0;
    while (frame < frames) {
      int want = Math.min(chunk.length, (frames - frame) * 8);
      int got = sound.readNBytes(chunk, 0, want);
      if (got < want) throw new IOException("the synthesizer stopped after " + frame + " of " + frames + " frames");
      ByteBuffer b = ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < got / 8; i++, frame++) {
        left[frame] = b.getFloat();
        right[frame] = b.getFloat();
      }
    }
    return new Recording(left, right, SAMPLE_RATE);
  }

  /**
   * Gervill's offline output, reached by reflection: its class is not exported, and the JVM
   * must run with {@value #MODULE_FLAG}.
   */
  private static InputStream openStream(Synthesizer synth, AudioFormat format) throws IOException {
    Map<String, Object> info = new HashMap<>();
    info.put("load default soundbank", false);
    info.put("interpolation", "linear");
    info.put("max polyphony", 96);
    try {
      Method open = synth.getClass().getMethod("openStream", AudioFormat.class, Map.class);
      return (InputStream) open.invoke(synth, format, info);
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new IOException("Composing music needs Java's synthesizer opened up: run Java with " + MODULE_FLAG
          + " (the tunecut jar and script do).", e);
    } catch (InvocationTargetException e) {
      throw new IOException("Java's synthesizer did not start: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The voice's instrument, or the kit's or bank's first one of its kind when the soundfont lacks it. */
  private Instrument instrument(Soundbank bank, Voice voice) throws IOException {
    Instrument fallback = null;
    for (Instrument i : bank.getInstruments()) {
      Patch p = i.getPatch();
      if (percussion(p) != voice.isDrums() || p.getBank() != 0) continue;
      if (p.getProgram() == voice.program()) return i;
      if (fallback == null || p.getProgram() == 0) fallback = i;
    }
    if (fallback == null) {
      throw new IOException("The soundfont " + soundfont.file() + " has no " + (voice.isDrums() ? "drum kit" : "instruments") + " at all.");
    }
    return fallback;
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
