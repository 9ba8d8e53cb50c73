package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.compose.Score.Note;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.VoiceStatus;

/**
 * One passage of a score played on a synthesizer of its own (Gervill, offline): the notes that
 * start in it, and after its end whatever they leave ringing, until it dies away.
 *
 * @param left the left channel, one frame per piece frame from the passage's start
 * @param voices the most voices the synthesizer held at once
 */
record Take(float[] left, float[] right, int voices) {
  static final int SAMPLE_RATE = 44100;
  /**
   * Gervill's control period in frames (its control rate is 147 Hz). A note starts on its exact
   * sample, but envelopes and effects move on this grid, so passages start on it too.
   */
  static final int BLOCK = SAMPLE_RATE / 147;
  /** Gervill plays every event two control periods late. */
  static final int LATENCY_FRAMES = 2 * BLOCK;
  /**
   * A ringing tail this quiet (−70 dBFS) is over: what is left of it is lost under the next
   * passage, which plays some 40 dB louder.
   */
  private static final float QUIET = 3e-4f;
  /** The longest a passage rings on after its last note is let go: pads' releases would go on for seconds more. */
  private static final double LONGEST_TAIL = 3;
  /** A tail cut short fades out over this many frames (46 ms), so it ends without a step. */
  private static final int TAIL_FADE = 2048;
  /**
   * Voices the synthesizer may hold at once. At its limit it steals the oldest, so a passage
   * would lose notes that the same bars in another passage keep, and sound thinner inside than
   * where passages meet. The densest style (electronic: a pad with long releases over an 808 kit)
   * holds about 120, each note several samples; only voices sounding cost time.
   */
  static final int POLYPHONY = 256;
  /**
   * Voices are counted every this many control periods (18 times a second): asking the synthesizer
   * copies the state of all {@link #POLYPHONY} voices, and every period that was a sixth of the playing.
   */
  private static final int COUNT_EVERY = 8;

  /**
   * Sound from frame {@code start} of the piece: at least until {@code until} (the next
   * passage's start), then until it is quiet, but never past {@code end} (the piece's length).
   * The player is closed after.
   *
   * @param notes the notes starting in the passage, with times from the piece's start
   */
  static Take play(Player player, List<Note> notes, int start, int until, int end) throws IOException {
    try (player) {
      Receiver receiver = player.receiver();
      double from = (double) start / SAMPLE_RATE;
      double lastOff = from;
      for (Note note : notes) {
        long on = Math.round((note.seconds() - from) * 1e6);
        long off = Math.round((note.seconds() + note.length() - from) * 1e6);
        receiver.send(new ShortMessage(ShortMessage.NOTE_ON, note.channel(), note.pitch(), note.velocity()), on);
        receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, note.channel(), note.pitch(), 0), off);
        lastOff = Math.max(lastOff, note.seconds() + note.length());
      }
      player.sound().skipNBytes(LATENCY_FRAMES * 8L);
      int atLeast = Math.min(end, Math.max(until, (int) Math.ceil(lastOff * SAMPLE_RATE))) - start;
      int atMost = Math.min(end - start, atLeast + (int) (LONGEST_TAIL * SAMPLE_RATE));
      return read(player.synth(), player.sound(), atLeast, atMost);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("a note outside MIDI's range", e);
    }
  }

  /**
   * {@code atLeast} frames, then more a control period at a time until one is quiet or
   * {@code atMost} is reached; what rang on past {@code atLeast} fades out at its end. Voices
   * are counted every control period.
   */
  private static Take read(Synthesizer synth, InputStream sound, int atLeast, int atMost) throws IOException {
    float[] left = new float[atLeast];
    float[] right = new float[atLeast];
    byte[] chunk = new byte[8 * BLOCK];
    float[] both = new float[2 * BLOCK];
    int frame = 0;
    int voices = 0;
    int periods = 0;
    boolean quiet = false;
    while (frame < atMost && (frame < atLeast || !quiet)) {
      int frames = Math.min(BLOCK, (frame < atLeast ? atLeast : atMost) - frame);
      int got = sound.readNBytes(chunk, 0, frames * 8);
      if (got < frames * 8) throw new IOException("the synthesizer stopped after " + frame + " frames");
      if (frame + frames > left.length) {
        left = Arrays.copyOf(left, Math.max(frame + frames, left.length + left.length / 4));
        right = Arrays.copyOf(right, left.length);
      }
      // in one copy, then apart: reading float by float costs more before Java has compiled it
      ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(both, 0, frames * 2);
      float peak = 0;
      for (int i = 0; i < frames; i++, frame++) {
        float l = both[2 * i];
        float r = both[2 * i + 1];
        left[frame] = l;
        right[frame] = r;
        if (Math.abs(l) > peak) peak = Math.abs(l);
        if (Math.abs(r) > peak) peak = Math.abs(r);
      }
      quiet = peak < QUIET;
      if (periods++ % COUNT_EVERY == 0) voices = Math.max(voices, sounding(synth));
    }
    left = Arrays.copyOf(left, frame);
    right = Arrays.copyOf(right, frame);
    if (frame > atLeast) {
      int fade = Math.min(TAIL_FADE, frame - atLeast);
      for (int i = 1; i <= fade; i++) {
        float gain = (float) (0.5 - 0.5 * Math.cos(Math.PI * i / (fade + 1)));
        left[frame - i] *= gain;
        right[frame - i] *= gain;
      }
    }
    return new Take(left, right, voices);
  }

  private static int sounding(Synthesizer synth) {
    int n = 0;
    for (VoiceStatus voice : synth.getVoiceStatus()) if (voice.active) n++;
    return n;
  }
}
