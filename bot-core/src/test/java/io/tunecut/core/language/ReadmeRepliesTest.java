package io.tunecut.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README quotes what the bot says; these are its own words, so the README cannot drift
 * from them. Only replies made from fixed text (or from the numbers the README itself shows)
 * are pinned, not the backend's answers.
 */
class ReadmeRepliesTest {
  private static final Messages SAY = Messages.of(Language.EN);
  private static String readme;
  private static List<String> transcript;

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(Path.of("..", "README.md"));
    transcript = readme.lines().filter(l -> l.startsWith("bot> ") || l.startsWith("bot~ ")).toList();
  }

  @Test
  void theConsoleTranscriptShowsTheBotsOwnLines() {
    String buttons = "[" + SAY.labelExport() + ": /export] [" + SAY.labelStatus() + ": /status] ["
        + SAY.labelCredits() + ": /credits]";
    String nowTellMe = SAY.uploaded(List.of("clip.mp4")).lines().toList().get(1);
    assertThat(transcript).contains(
        "bot> ⏳ " + SAY.working(),
        "bot> " + nowTellMe,
        "bot> " + buttons,
        "bot> " + SAY.videoCaption());
    assertThat(statusEdits()).contains(
        "⏳ " + SAY.uploading(),
        "⏳ " + SAY.thinking(),
        SAY.done(),
        SAY.renderReady());
    assertThat(transcript).filteredOn(l -> l.startsWith("bot> Your video: ")).isNotEmpty();
  }

  @Test
  void theRenderBarIsDrawnAsTheBotDrawsIt() {
    Pattern bar = Pattern.compile("⏳ Rendering \\S+ (\\d+)% · about (\\d+) s left");
    List<String> bars = readme.lines().filter(l -> l.startsWith("bot~ ⏳ Rendering")).toList();
    assertThat(bars).hasSizeGreaterThanOrEqualTo(2);
    for (String line : bars) {
      Matcher m = bar.matcher(line);
      assertThat(m.find()).as(line).isTrue();
      String drawn = SAY.renderBar(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
      assertThat(line).isEqualTo("bot~ ⏳ " + drawn);
    }
  }

  @Test
  void theRepliesQuotedInTheTextAreTheBotsWords() {
    assertQuoted("I'm still working", SAY.busy());
    assertQuoted("I can't read clip.mp4", SAY.unreadableFile("clip.mp4"));
    assertQuoted("Sorry, this bot is", SAY.notAllowed());
    assertQuoted("You've used today's", SAY.rendersUsedUp(5));
    assertQuoted("Left for you today", SAY.budgetLeft(3, 5, 400L, 10, null, null));
    assertQuoted("Rendering this", SAY.renderForecastMinutes(150, 45, 2.5, 117.5));
  }

  /** The status line's edits, without the seconds they have taken. */
  private static List<String> statusEdits() {
    List<String> edits = new ArrayList<>();
    for (String line : transcript) {
      if (line.startsWith("bot~ ")) edits.add(line.substring(5).replaceAll(" · \\d+ s$", ""));
    }
    return edits;
  }

  /**
   * Every quote in the README that starts with {@code opening} is the reply, or its beginning
   * when it ends in "…". Quotes may be wrapped over lines.
   */
  private static void assertQuoted(String opening, String reply) {
    String text = readme.replaceAll("\\s+", " ");
    Matcher m = Pattern.compile("\"(" + Pattern.quote(opening) + "[^\"]*)\"").matcher(text);
    List<String> quotes = new ArrayList<>();
    while (m.find()) quotes.add(m.group(1));
    assertThat(quotes).as("quotes of \"" + opening + "…\" in the README").isNotEmpty();
    for (String quote : quotes) {
      if (quote.endsWith("…")) assertThat(reply).as(quote).startsWith(quote.substring(0, quote.length() - 1));
      else assertThat(quote).isEqualTo(reply);
    }
  }
}
