package io.tunecut.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
  @Test
  void aTextThatFitsIsOnePartAsItIs() {
    assertThat(TextSplitter.split("  Done.\n", 20)).containsExactly("  Done.\n");
    assertThat(TextSplitter.split("", 20)).containsExactly("");
    assertThat(TextSplitter.split("x".repeat(20), 20)).containsExactly("x".repeat(20));
  }

  @Test
  void aParagraphBreakWinsOverALaterLineBreakOrSpace() {
    String text = "Para one is here.\n\nline a\nline b and more words";
    assertThat(TextSplitter.split(text, 30)).containsExactly("Para one is here.", "line a\nline b and more words");
  }

  @Test
  void aLineBreakWinsOverASpace() {
    assertThat(TextSplitter.split("one two three\nfour five six seven", 20))
        .containsExactly("one two three", "four five six seven");
  }

  @Test
  void wordsAreNotCutAndTheSpacesAtTheCutGo() {
    List<String> parts = TextSplitter.split("word ".repeat(70).strip(), 100);
    assertThat(parts).hasSizeGreaterThan(3).allMatch(p -> p.length() <= 100 && !p.startsWith(" ") && !p.endsWith(" "));
    assertThat(parts).allMatch(p -> p.matches("word( word)*"));
    assertThat(String.join(" ", parts)).isEqualTo("word ".repeat(70).strip());
  }

  @Test
  void aBoundaryNearTheStartIsNotTakenSoNoPartIsAStub() {
    String text = "a " + "x".repeat(30);
    assertThat(TextSplitter.split(text, 20)).containsExactly("a " + "x".repeat(18), "x".repeat(12));
  }

  @Test
  void chineseIsCutAfterAPunctuationMark() {
    String text = "我把你的视频片段做成配乐视频。先发送视频片段和一首音乐，然后告诉我你想要什么";
    List<String> parts = TextSplitter.split(text, 20);
    assertThat(parts.get(0)).isEqualTo("我把你的视频片段做成配乐视频。");
    assertThat(String.join("", parts)).isEqualTo(text);
    assertThat(parts).allMatch(p -> p.length() <= 20);
  }

  @Test
  void aSurrogatePairIsNeverCutInTwo() {
    String text = "x".repeat(9) + "🎵".repeat(10);
    List<String> parts = TextSplitter.split(text, 10);
    assertThat(parts.get(0)).isEqualTo("x".repeat(9));
    assertThat(String.join("", parts)).isEqualTo(text);
    for (String p : parts) {
      assertThat(p.length()).isLessThanOrEqualTo(10);
      assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
    }
    assertThat(TextSplitter.split("🎵🎵", 1)).containsExactly("🎵", "🎵");
  }

  @Test
  void noPartIsEmptyOrBlank() {
    String text = "Answer.\n\n\n\n" + " ".repeat(40) + "\n\nMore.";
    assertThat(TextSplitter.split(text, 10)).containsExactly("Answer.", "More.");
    assertThat(TextSplitter.split(" ".repeat(50), 10)).containsExactly("");
  }

  @Test
  void anyTextComesBackWholeInPartsThatFit() {
    Random random = new Random(7);
    String alphabet = "ab cd\n\n。，🎵 x";
    for (int round = 0; round < 500; round++) {
      int max = 1 + random.nextInt(30);
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(200); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String s = text.toString().replace("\uD83C", "").replace("\uDFB5", "").replace("x", "🎵");
      List<String> parts = TextSplitter.split(s, max);
      assertThat(parts).isNotEmpty();
      if (s.length() > max) {
        assertThat(parts).allMatch(p -> p.length() <= Math.max(max, 2));
        assertThat(parts.size() == 1 && parts.get(0).isEmpty() || parts.stream().noneMatch(String::isBlank)).isTrue();
        assertThat(String.join("", parts).replaceAll("\\s", "")).isEqualTo(s.replaceAll("\\s", ""));
      }
      for (String p : parts) {
        if (p.isEmpty()) continue;
        assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
      }
    }
  }

  @Test
  void aMaxBelowOneIsRefused() {
    assertThatThrownBy(() -> TextSplitter.split("text", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
