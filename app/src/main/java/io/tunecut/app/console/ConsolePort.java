package io.tunecut.app.console;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortLimits;
import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console as a platform: every message the bot posts is printed as lines starting with
 * {@code bot> }, every status edit as lines starting with {@code bot~ }, so a script can tell
 * them apart (a picture replaced in place is such an edit: {@code bot~ photo: PATH}). Videos are
 * put into an exports folder (linked, not copied, when they are on the same disk) and their path
 * printed.
 *
 * <p>A terminal takes every edit at once, so the bot need not wait to show the last one; the
 * port itself prints a status's edits at most every {@link #EDIT_EVERY}, keeping the newest,
 * and {@link #flush()} prints what waits when a piece of work ends.
 */
public final class ConsolePort implements ChatPort {
  public static final String PLATFORM = "console";

  private static final PortLimits LIMITS = new PortLimits(Long.MAX_VALUE, 100_000, Duration.ZERO);
  static final Duration EDIT_EVERY = Duration.ofSeconds(2);

  private final PrintStream out;
  private final Path exports;
  private final AtomicLong ids;
  private final AtomicLong pictures;
  /** Where this port's lines go: the terminal, or a line's turn in {@link InOrderOutput}; each block is written as it is printed. */
  private final Consumer<Supplier<String>> printer;
  private final Map<MessageRef, Long> lastEditNanos = new HashMap<>();
  private final Map<MessageRef, String> waitingEdits = new LinkedHashMap<>();

  public ConsolePort(PrintStream out, Path exports) {
    this.out = out;
    this.exports = exports;
    this.ids = new AtomicLong();
    this.pictures = new AtomicLong();
    this.printer = block -> {
      synchronized (out) {
        printNow(block.get());
      }
    };
  }

  private ConsolePort(ConsolePort shared, Consumer<Supplier<String>> printer) {
    this.out = shared.out;
    this.exports = shared.exports;
    this.ids = shared.ids;
    this.pictures = shared.pictures;
    this.printer = printer;
  }

  /**
   * The same console with its lines handed to {@code printer} (which prints them when their turn
   * comes): message ids and picture files stay shared, status edits are this port's own.
   */
  ConsolePort printingThrough(InOrderOutput.Turn turn) {
    return new ConsolePort(this, turn::whenPrinted);
  }

  /** Prints a block of lines at once, whole. */
  void printNow(String block) {
    synchronized (out) {
      out.println(block);
      out.flush();
    }
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public PortLimits limits(Chat chat) {
    return LIMITS;
  }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) {
    String buttons = suggestions.stream().map(s -> "[" + s.label() + ": " + s.command() + "]").collect(Collectors.joining(" "));
    print("bot> ", buttons.isEmpty() ? text : text + "\n" + buttons);
    return new MessageRef(chat, Long.toString(ids.incrementAndGet()));
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) {
    print("bot> ", text);
    return new MessageRef(chat, Long.toString(ids.incrementAndGet()));
  }

  @Override
  public void editStatus(MessageRef status, String text) {
    synchronized (waitingEdits) {
      long now = System.nanoTime();
      Long last = lastEditNanos.get(status);
      if (last != null && now - last < EDIT_EVERY.toNanos()) {
        waitingEdits.put(status, text);
        return;
      }
      waitingEdits.remove(status);
      lastEditNanos.put(status, now);
    }
    print("bot~ ", text);
  }

  /** Prints the status edits still waiting for their turn: the work they belong to is over. */
  public void flush() {
    List<String> texts;
    synchronized (waitingEdits) {
      texts = List.copyOf(waitingEdits.values());
      waitingEdits.clear();
      lastEditNanos.clear();
    }
    texts.forEach(text -> print("bot~ ", text));
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    Files.createDirectories(exports);
    Path saved = exports.resolve(file.getFileName());
    Files.deleteIfExists(saved);
    try {
      // The render stays where it was written: a second name for it costs nothing.
      Files.createLink(saved, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, saved, StandardCopyOption.REPLACE_EXISTING);
    }
    print("bot> ", (caption == null || caption.isBlank() ? "" : caption + "\n") + "video: " + saved.toAbsolutePath());
    return true;
  }

  /**
   * Saved beside the videos (a file per picture), its path printed as {@code photo: PATH} after the
   * caption, then the buttons.
   */
  @Override
  public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    return sendReplaceablePhoto(chat, file, caption, suggestions) != null;
  }

  @Override
  public MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    Path copy = copy(file);
    String buttons = suggestions.stream().map(s -> "[" + s.label() + ": " + s.command() + "]").collect(Collectors.joining(" "));
    print("bot> ", () -> {
      StringBuilder text = new StringBuilder();
      if (caption != null && !caption.isBlank()) text.append(caption).append('\n');
      text.append("photo: ").append(numbered(chat, copy).toAbsolutePath());
      if (!buttons.isEmpty()) text.append('\n').append(buttons);
      return text.toString();
    });
    return new MessageRef(chat, Long.toString(ids.incrementAndGet()));
  }

  /**
   * An edit, as a status's: {@code bot~ photo: PATH}, the new picture in a file of its own (the
   * caption and buttons printed with the first stay as they were).
   */
  @Override
  public boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    Path copy = copy(file);
    print("bot~ ", () -> "photo: " + numbered(photo.chat(), copy).toAbsolutePath());
    return true;
  }

  // A file per picture: pictures can arrive after the next line was answered, and a shared
  // file would show whichever was written last under every photo line.
  private Path copy(Path file) throws IOException {
    Files.createDirectories(exports);
    Path copy = Files.createTempFile(exports, "timeline-", ".tmp");
    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  /**
   * The picture under its number, given as its line is printed: a picture held for an earlier
   * line's turn (after an undo, the turn before still drawing) would otherwise carry a higher
   * number than one printed after it.
   */
  private Path numbered(Chat chat, Path copy) {
    Path saved = exports.resolve("timeline-" + chat.id().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + pictures.incrementAndGet() + ".png");
    try {
      return Files.move(copy, saved, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      return copy; // still the picture, under its temporary name
    }
  }

  @Override
  public void chatAction(Chat chat, ChatAction action) {
    // A terminal has no "typing…"; the status lines already show that work runs.
  }

  private void print(String prefix, String text) {
    print(prefix, () -> text);
  }

  private void print(String prefix, Supplier<String> text) {
    printer.accept(() -> {
      String block = text.get().lines().map(line -> prefix + line).collect(Collectors.joining(System.lineSeparator()));
      return block.isEmpty() ? prefix.stripTrailing() : block;
    });
  }
}
