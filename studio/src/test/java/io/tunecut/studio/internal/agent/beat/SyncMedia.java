package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.ffmpeg.TestMedia;
import java.nio.file.Path;
import java.util.Locale;

/** Small generated media for the beat edits, made by ffmpeg. */
final class SyncMedia {
  private SyncMedia() {}

  /** A kick drum on every beat at {@code bpm}, with a quiet chord under it. */
  static Path drums(Path dir, String name, double bpm, double seconds) {
    String beat = String.format(Locale.ROOT, "%.6f", 60 / bpm);
    // a falling sweep from 160 to 50 Hz, its phase counted from each hit so every hit is alike
    String since = "mod(t\\," + beat + ")";
    String kick = "exp(-" + since + "*14)*sin(2*PI*(50*" + since + "+2.75*(1-exp(-40*" + since + "))))";
    return TestMedia.make(dir.resolve(name), "-f", "lavfi", "-i",
        "aevalsrc=0.8*" + kick + "+0.1*sin(2*PI*220*t)+0.08*sin(2*PI*330*t):s=44100:d=" + seconds, "-ac", "2");
  }

  /**
   * A clip whose picture drifts in colour (two parts of it never look alike) and whose own
   * sound is a voice-like buzz in syllables between {@code talkFrom} and {@code talkTo}
   * seconds, silent elsewhere. The voice stays under 1 kHz.
   */
  static Path talkingClip(Path dir, String name, String source, double seconds, double talkFrom, double talkTo) {
    String voice = "(sin(2*PI*160*t)+0.7*sin(2*PI*320*t)+0.5*sin(2*PI*480*t)+0.4*sin(2*PI*640*t)+0.3*sin(2*PI*800*t))"
        + "*max(0\\,sin(2*PI*3.3*t))*between(t\\," + talkFrom + "\\," + talkTo + ")";
    return TestMedia.make(dir.resolve(name), "-f", "lavfi", "-i",
        source + "=size=160x90:rate=30:duration=" + seconds, "-f", "lavfi", "-i",
        "aevalsrc=0.2*" + voice + ":s=48000:d=" + seconds,
        "-vf", "hue=H=2*PI*t/" + seconds, "-shortest", "-pix_fmt", "yuv420p");
  }

  /** A clip whose picture drifts in colour, with no speech in its sound. */
  static Path clip(Path dir, String name, String source, double seconds) {
    return talkingClip(dir, name, source, seconds, seconds + 1, seconds + 2);
  }

  /** Steady noise above 3 kHz: music that a high-pass filter can hear apart from the voice. */
  static Path hiss(Path dir, String name, double seconds) {
    return TestMedia.make(dir.resolve(name), "-f", "lavfi", "-i",
        "anoisesrc=color=white:amplitude=0.3:sample_rate=48000:duration=" + seconds + ":seed=11",
        "-af", "highpass=f=3000,highpass=f=3000", "-ac", "2");
  }
}
