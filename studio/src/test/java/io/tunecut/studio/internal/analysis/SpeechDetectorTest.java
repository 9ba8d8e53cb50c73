package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechDetectorTest {
  private static final int RATE = SyntheticSpeech.RATE;
  private final SpeechDetector detector = new SpeechDetector();

  @Test
  void talkingInAQuietRoomIsFoundAndPausesAreNot() {
    float[] x = new float[RATE * 20];
    SyntheticSpeech.noise(x, 0.002, 1);
    SyntheticSpeech.talk(x, 2, 6, 0.5, 2);
    SyntheticSpeech.talk(x, 11, 15, 0.5, 3);

    List<TimeRange> found = detector.detect(x);

    assertThat(SyntheticSpeech.overlap(found, 2, 6)).isGreaterThan(0.85 * 4);
    assertThat(SyntheticSpeech.overlap(found, 11, 15)).isGreaterThan(0.85 * 4);
    double falseAlarm = SyntheticSpeech.overlap(found, 0, 1.5) + SyntheticSpeech.overlap(found, 6.6, 10.5)
        + SyntheticSpeech.overlap(found, 15.6, 20);
    assertThat(falseAlarm).isLessThan(0.3);
  }

  @Test
  void sustainedMusicIsNotSpeech() {
    float[] x = new float[RATE * 12];
    SyntheticSpeech.music(x, 0, 12, 0.5);
    SyntheticSpeech.noise(x, 0.002, 4);
    assertThat(SyntheticSpeech.overlap(detector.detect(x), 0, 12)).isLessThan(0.6);
  }

  @Test
  void noiseIsNotSpeech() {
    float[] x = new float[RATE * 10];
    SyntheticSpeech.noise(x, 0.1, 5);
    assertThat(detector.detect(x)).isEmpty();
  }

  @Test
  void someoneTalkingOverQuietMusicIsFound() {
    float[] x = new float[RATE * 16];
    SyntheticSpeech.music(x, 0, 16, 0.12);
    SyntheticSpeech.talk(x, 5, 11, 0.6, 6);
    List<TimeRange> found = detector.detect(x);
    assertThat(SyntheticSpeech.overlap(found, 5, 11)).isGreaterThan(0.7 * 6);
    assertThat(SyntheticSpeech.overlap(found, 0, 4.5) + SyntheticSpeech.overlap(found, 11.6, 16))
        .isLessThan(1.0);
  }
}
