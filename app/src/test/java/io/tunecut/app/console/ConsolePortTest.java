package io.tunecut.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePortTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Chat chat = new Chat("console", "ann", false);

  @TempDir Path exports;

  private ConsolePort port() {
    return new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), exports);
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void everyLineOfAMessageStartsWithTheBotPrefix() {
    port().send(chat, "Two things:\nmusic added\ntitle set", List.of());

    assertThat(lines()).containsExactly("bot> Two things:", "bot> music added", "bot> title set");
  }

  @Test
  void statusEditsAreTellableFromMessages() {
    ConsolePort port = port();
    var status = port.createStatus(chat, "⏳ Working on it…");
    port.editStatus(status, "⏳ adding music… (5 s)");

    assertThat(lines()).containsExactly("bot> ⏳ Working on it…", "bot~ ⏳ adding music… (5 s)");
  }

  @Test
  void quickEditsWaitForTheirTurnAndTheLastShowsWhenTheWorkEnds() {
    ConsolePort port = port();
    var status = port.createStatus(chat, "⏳ Working on it…");
    port.editStatus(status, "⏳ rendering… 10% · 1 s");
    port.editStatus(status, "⏳ rendering… 20% · 1 s");
    port.editStatus(status, "✓ your video is ready · 1 s");
    assertThat(lines()).as("one edit per %s", ConsolePort.EDIT_EVERY)
        .containsExactly("bot> ⏳ Working on it…", "bot~ ⏳ rendering… 10% · 1 s");

    port.flush();

    assertThat(lines()).containsExactly("bot> ⏳ Working on it…", "bot~ ⏳ rendering… 10% · 1 s", "bot~ ✓ your video is ready · 1 s");
  }

  @Test
  void suggestionsShowTheCommandToType() {
    port().send(chat, "Done.", List.of(new Suggestion("Export", "/export"), new Suggestion("Status", "/status")));

    assertThat(lines()).containsExactly("bot> Done.", "bot> [Export: /export] [Status: /status]");
  }

  @Test
  void aPictureIsSavedBesideTheExportsAndPrintedAsAPhotoLineUnderItsCaption(@TempDir Path work) throws Exception {
    Path drawn = Files.write(work.resolve("timeline-1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    boolean shown = port().sendPhoto(chat, drawn, "Timeline: video 0–4 s", List.of(new Suggestion("Export", "/export")));

    assertThat(shown).isTrue();
    assertThat(lines()).hasSize(3);
    assertThat(lines().get(0)).isEqualTo("bot> Timeline: video 0–4 s");
    assertThat(lines().get(1)).startsWith("bot> photo: ");
    assertThat(lines().get(2)).isEqualTo("bot> [Export: /export]");
    Path saved = Path.of(lines().get(1).substring("bot> photo: ".length()));
    assertThat(saved).exists().hasParent(exports).hasSameBinaryContentAs(drawn);
  }

  @Test
  void eachPictureKeepsItsOwnFileSoAnEarlierPhotoLineStillShowsItsTimeline(@TempDir Path work) throws Exception {
    Path first = Files.write(work.resolve("first.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
    Path second = Files.write(work.resolve("second.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 2});

    ConsolePort port = port();
    port.sendPhoto(chat, first, "", List.of());
    port.sendPhoto(chat, second, "", List.of());

    List<Path> saved = lines().stream().filter(l -> l.startsWith("bot> photo: "))
        .map(l -> Path.of(l.substring("bot> photo: ".length()))).toList();
    assertThat(saved).hasSize(2).doesNotHaveDuplicates();
    assertThat(saved.get(0)).hasSameBinaryContentAs(first);
    assertThat(saved.get(1)).hasSameBinaryContentAs(second);
  }

  /**
   * After an undo the line before may still be drawing its picture when the undo's is ready: the
   * undo's waits for its turn, and the files are numbered in the order the lines are printed.
   */
  @Test
  void picturesHeldForTheirTurnAreNumberedInTheOrderTheyArePrinted(@TempDir Path work) throws Exception {
    Path edit = Files.write(work.resolve("edit.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 7});
    Path undo = Files.write(work.resolve("undo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 8});
    ConsolePort port = port();
    InOrderOutput output = new InOrderOutput(port::printNow);
    InOrderOutput.Turn editLine = output.next();
    InOrderOutput.Turn undoLine = output.next();

    port.printingThrough(undoLine).sendPhoto(chat, undo, "", List.of());
    undoLine.finish();
    port.printingThrough(editLine).replacePhoto(new MessageRef(chat, "1"), edit, "", List.of());
    editLine.finish();

    List<String> photoLines = lines().stream().filter(l -> l.contains("photo: ")).toList();
    assertThat(photoLines).hasSize(2);
    Path first = Path.of(photoLines.get(0).substring(photoLines.get(0).indexOf("photo: ") + 7));
    Path second = Path.of(photoLines.get(1).substring(photoLines.get(1).indexOf("photo: ") + 7));
    assertThat(first).hasSameBinaryContentAs(edit).hasFileName("timeline-ann-1.png");
    assertThat(second).hasSameBinaryContentAs(undo).hasFileName("timeline-ann-2.png");
    try (var left = Files.list(exports)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("timeline-ann-1.png", "timeline-ann-2.png");
    }
  }

  @Test
  void aReplacedPictureIsPrintedAsAnEditWithItsOwnFileAndTheCaptionIsNotRepeated(@TempDir Path work) throws Exception {
    Path first = Files.write(work.resolve("first.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
    Path full = Files.write(work.resolve("full.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 2});

    ConsolePort port = port();
    MessageRef photo = port.sendReplaceablePhoto(chat, first, "Timeline: video 0–4 s", List.of(new Suggestion("Export", "/export")));
    boolean replaced = port.replacePhoto(photo, full, "Timeline: video 0–4 s", List.of(new Suggestion("Export", "/export")));

    assertThat(replaced).isTrue();
    assertThat(lines()).hasSize(4);
    assertThat(lines().get(1)).startsWith("bot> photo: ");
    assertThat(lines().get(3)).startsWith("bot~ photo: ");
    assertThat(Path.of(lines().get(1).substring("bot> photo: ".length()))).hasSameBinaryContentAs(first);
    assertThat(Path.of(lines().get(3).substring("bot~ photo: ".length()))).hasParent(exports).hasSameBinaryContentAs(full);
  }

  @Test
  void aVideoIsSavedIntoTheExportsFolderAndItsPathPrinted(@TempDir Path work) throws Exception {
    Path rendered = Files.writeString(work.resolve("render_1.mp4"), "not really a video");

    boolean delivered = port().sendVideo(chat, rendered, "Your video");

    Path saved = exports.resolve("render_1.mp4");
    assertThat(delivered).isTrue();
    assertThat(saved).hasContent("not really a video");
    assertThat(rendered).as("left where it was written").exists();
    assertThat(lines()).containsExactly("bot> Your video", "bot> video: " + saved.toAbsolutePath());
  }

  @Test
  void attachPathsMayBeQuoted() {
    assertThat(Console.words(" clip.mp4 \"my song.mp3\" 'b roll.mov' ")).containsExactly("clip.mp4", "my song.mp3", "b roll.mov");
  }
}
