package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.compose.Score.Voice;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;

/**
 * A synthesizer of its own (Gervill, offline) with a piece's instruments loaded and set on their
 * channels, not yet played: it plays one passage, then is closed. Loading the instruments costs
 * about a third of the playing, so players are opened before the piece is written (see
 * {@link Performer#prepare}); one opened then sounds exactly as one opened when it plays.
 */
final class Player implements AutoCloseable {
  static final String MODULE_FLAG = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";
  private static final int REVERB = 91;
  private static final int VOLUME = 7;

  private final List<Voice> voices;
  private final Synthesizer synth;
  private final InputStream sound;
  private final Receiver receiver;

  private Player(List<Voice> voices, Synthesizer synth, InputStream sound, Receiver receiver) {
    this.voices = voices;
    this.synth = synth;
    this.sound = sound;
    this.receiver = receiver;
  }

  /** @param instruments the voices' instruments, already read from the soundfont */
  static Player open(List<Voice> voices, Map<Voice, Instrument> instruments) throws IOException {
    Synthesizer synth;
    try {
      synth = MidiSystem.getSynthesizer();
    } catch (MidiUnavailableException e) {
      throw new IOException("Java's software synthesizer is not available: " + e.getMessage(), e);
    }
    AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, Take.SAMPLE_RATE, 32, 2, 8, Take.SAMPLE_RATE, false);
    try {
      InputStream sound = openStream(synth, format);
      Receiver receiver = synth.getReceiver();
      for (Voice voice : voices) {
        // the soundbank reads an instrument's samples on its first load: one thread at a time
        synchronized (Player.class) {
          synth.loadInstrument(instruments.get(voice));
        }
        int channel = voice.channel();
        receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, voice.program(), 0), 0);
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, VOLUME, 100), 0);
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, REVERB, voice.isDrums() ? 24 : 48), 0);
      }
      return new Player(List.copyOf(voices), synth, sound, receiver);
    } catch (MidiUnavailableException e) {
      synth.close();
      throw new IOException("Java's software synthesizer is not available: " + e.getMessage(), e);
    } catch (InvalidMidiDataException e) {
      synth.close();
      throw new IllegalStateException("a voice outside MIDI's range", e);
    } catch (IOException | RuntimeException e) {
      synth.close();
      throw e;
    }
  }

  /** The voices it was opened for: it plays only a piece of these. */
  List<Voice> voices() {
    return voices;
  }

  Synthesizer synth() {
    return synth;
  }

  /** Its sound, 32-bit float stereo frames, computed as they are read. */
  InputStream sound() {
    return sound;
  }

  Receiver receiver() {
    return receiver;
  }

  @Override
  public void close() {
    synth.close();
  }

  /**
   * Gervill's offline output, reached by reflection: its class is not exported, and the JVM
   * must run with {@value #MODULE_FLAG}.
   */
  private static InputStream openStream(Synthesizer synth, AudioFormat format) throws IOException {
    Map<String, Object> info = new HashMap<>();
    info.put("load default soundbank", false);
    info.put("interpolation", "linear");
    info.put("max polyphony", Take.POLYPHONY);
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
}
