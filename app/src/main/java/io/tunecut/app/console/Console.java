package io.tunecut.app.console;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.Handling;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Chat with the bot from a terminal or a script: each line of input is one message of one
 * user. {@code /attach PATH [PATH …]} sends local files as one message's attachments.
 */
public final class Console {
  /** How lines are taken. */
  public enum Pace {
    /** Typed at a terminal: each line is handled as it comes, as on the chat platforms. */
    AS_TYPED,
    /**
     * Piped from a script: each line starts once the line before is answered (its turn, an
     * export's render and delivery), and prints only once everything the line before started is
     * out (the timeline's picture that follows an edit), so the transcript reads in the order of
     * the script while a picture is drawn during the next line's work; only {@code /cancel} acts
     * at once, on whatever is running then.
     */
    IN_ORDER
  }

  private final MessageHandler handler;
  private final ConsolePort port;
  private final ChatUser user;
  private final Chat chat;
  private final PrintStream err;

  public Console(MessageHandler handler, ConsolePort port, String userName, PrintStream err) {
    this.handler = handler;
    this.port = port;
    this.user = new ChatUser(ConsolePort.PLATFORM, userName);
    this.chat = new Chat(ConsolePort.PLATFORM, userName, false);
    this.err = err;
  }

  /** Reads a script until end of input ({@link Pace#IN_ORDER}); returns once all work has finished. */
  public void run(BufferedReader in) throws IOException {
    run(in, Pace.IN_ORDER);
  }

  /** Reads until end of input; returns once all work has finished. */
  public void run(BufferedReader in, Pace pace) throws IOException {
    CompletableFuture<Void> inOrder = CompletableFuture.completedFuture(null);
    InOrderOutput output = new InOrderOutput(port::printNow);
    List<CompletableFuture<Void>> all = Collections.synchronizedList(new ArrayList<>());
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) continue;
      InboundMessage message = toMessage(line.strip());
      if (message == null) continue;
      if (pace == Pace.AS_TYPED || isCancel(message.text())) {
        all.add(handle(message, port).done());
      } else {
        // Answered, not done: the picture drawn after an answer overlaps the next line's work,
        // and its turn holds the next line's output until the picture is out.
        InOrderOutput.Turn turn = output.next();
        ConsolePort linePort = port.printingThrough(turn);
        inOrder = inOrder.thenCompose(v -> {
          Handling handling = handle(message, linePort);
          all.add(handling.done().whenComplete((x, t) -> turn.finish()));
          return handling.answered();
        });
      }
    }
    inOrder.join();
    List.copyOf(all).forEach(CompletableFuture::join);
  }

  /** The work's last status line shows as soon as the answer is out, and the next line goes on. */
  private Handling handle(InboundMessage message, ConsolePort to) {
    Handling handling = handler.handling(message, to);
    return new Handling(handling.answered().whenComplete((v, t) -> to.flush()),
        handling.done().whenComplete((v, t) -> to.flush()));
  }

  private static boolean isCancel(String text) {
    return text.split("\\s+", 2)[0].equalsIgnoreCase("/cancel");
  }

  private InboundMessage toMessage(String line) {
    if (!line.startsWith("/attach")) return InboundMessage.text(user, chat, line);
    List<String> paths = words(line.substring("/attach".length()));
    if (paths.isEmpty()) {
      err.println("tunecut: /attach needs at least one file: /attach clip.mp4 track.mp3");
      return null;
    }
    List<Attachment> files = new ArrayList<>();
    for (String name : paths) {
      Path path = Path.of(name).toAbsolutePath();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        err.println("tunecut: cannot read " + path + " — nothing was sent");
        return null;
      }
      files.add(attachment(path));
    }
    return new InboundMessage(user, chat, "", files, Locale.getDefault());
  }

  private static Attachment attachment(Path path) {
    long size;
    String type;
    try {
      size = Files.size(path);
      type = Files.probeContentType(path);
    } catch (IOException e) {
      size = -1;
      type = null;
    }
    return new Attachment(path.getFileName().toString(), size, type, () -> Files.newInputStream(path));
  }

  /** Splits on spaces, keeping "quoted parts" together, so paths with spaces work. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }
}
