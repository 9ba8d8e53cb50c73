package io.tunecut.core.testing;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortLimits;
import io.tunecut.core.chat.PortStoppedException;
import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@link ChatPort} that records every call, in order, with the time it was made. Limits are
 * configurable; it never talks to a network. Thread-safe.
 *
 * <pre>{@code
 * RecordingPort port = RecordingPort.builder().maxUploadBytes(10 << 20).minEditInterval(Duration.ofMillis(200)).build();
 * engine.handle(InboundMessage.text(user, chat, "/credits"), port).get(5, SECONDS);
 * assertThat(port.sentTexts()).anyMatch(t -> t.contains("credits"));
 * }</pre>
 */
public final class RecordingPort implements ChatPort {

  /** What was called. */
  public enum Kind { SEND, CREATE_STATUS, EDIT_STATUS, SEND_VIDEO, SEND_PHOTO, REPLACE_PHOTO, CHAT_ACTION }

  /**
   * One recorded call.
   *
   * @param ref the message created (SEND, CREATE_STATUS, SEND_PHOTO when it may be replaced) or edited
   *     (EDIT_STATUS, REPLACE_PHOTO); null otherwise
   * @param text the text, status text or caption; null for chat actions
   * @param fileBytes the size of the video or picture at the time of the call (SEND_VIDEO, SEND_PHOTO,
   *     REPLACE_PHOTO), else -1
   */
  public record Call(
      Kind kind, Instant at, Chat chat, MessageRef ref, String text, List<Suggestion> suggestions,
      Path file, long fileBytes, ChatAction action) {}

  private final String platform;
  private final PortLimits limits;
  private final boolean acceptVideos;
  private final boolean replacesPhotos;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile boolean failing;
  private volatile boolean stopped;

  private RecordingPort(Builder b) {
    this.platform = b.platform;
    this.limits = new PortLimits(b.maxUploadBytes, b.maxTextLength, b.minEditInterval);
    this.acceptVideos = b.acceptVideos;
    this.replacesPhotos = b.replacesPhotos;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A port named "test" with roomy limits and a 100 ms edit interval. */
  public static RecordingPort create() {
    return builder().build();
  }

  /** While true, every call fails as a port that is stopping fails it (it is still recorded). */
  public void stopped(boolean stopped) {
    this.stopped = stopped;
  }

  /** While true, every call fails with an IOException (it is still recorded). */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  @Override public String platform() { return platform; }

  @Override public PortLimits limits(Chat chat) { return limits; }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException {
    if (text.length() > limits.maxTextLength()) {
      throw new AssertionError("text longer than maxTextLength: " + text.length());
    }
    MessageRef ref = new MessageRef(chat, "m" + ids.incrementAndGet());
    record(new Call(Kind.SEND, Instant.now(), chat, ref, text, List.copyOf(suggestions), null, -1, null));
    return ref;
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) throws IOException {
    MessageRef ref = new MessageRef(chat, "s" + ids.incrementAndGet());
    record(new Call(Kind.CREATE_STATUS, Instant.now(), chat, ref, text, List.of(), null, -1, null));
    return ref;
  }

  @Override
  public void editStatus(MessageRef status, String text) throws IOException {
    record(new Call(Kind.EDIT_STATUS, Instant.now(), status.chat(), status, text, List.of(), null, -1, null));
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : -1;
    record(new Call(Kind.SEND_VIDEO, Instant.now(), chat, null, caption, List.of(), file, size, null));
    return acceptVideos;
  }

  @Override
  public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : -1;
    record(new Call(Kind.SEND_PHOTO, Instant.now(), chat, null, caption, List.copyOf(suggestions), file, size, null));
    return true;
  }

  /** As a platform that replaces pictures does, when built so; else as one that does not (the default). */
  @Override
  public MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    if (!replacesPhotos) return ChatPort.super.sendReplaceablePhoto(chat, file, caption, suggestions);
    long size = Files.exists(file) ? Files.size(file) : -1;
    MessageRef ref = new MessageRef(chat, "p" + ids.incrementAndGet());
    record(new Call(Kind.SEND_PHOTO, Instant.now(), chat, ref, caption, List.copyOf(suggestions), file, size, null));
    return ref;
  }

  @Override
  public boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    if (!replacesPhotos) return false;
    long size = Files.exists(file) ? Files.size(file) : -1;
    record(new Call(Kind.REPLACE_PHOTO, Instant.now(), photo.chat(), photo, caption, List.copyOf(suggestions), file, size, null));
    return true;
  }

  @Override
  public void chatAction(Chat chat, ChatAction action) throws IOException {
    record(new Call(Kind.CHAT_ACTION, Instant.now(), chat, null, null, List.of(), null, -1, action));
  }

  private void record(Call call) throws IOException {
    calls.add(call);
    if (failing) throw new IOException("the platform is down (test)");
    if (stopped) throw new PortStoppedException("the port is stopping (test)");
  }

  // What a test reads.

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(Kind kind) {
    return calls.stream().filter(c -> c.kind() == kind).collect(Collectors.toList());
  }

  public List<Call> calls(Chat chat) {
    return calls.stream().filter(c -> c.chat().equals(chat)).collect(Collectors.toList());
  }

  /** Texts of normal messages, in order. */
  public List<String> sentTexts() {
    return texts(Kind.SEND);
  }

  /** Texts of normal messages to one chat, in order. */
  public List<String> sentTexts(Chat chat) {
    return calls.stream().filter(c -> c.kind() == Kind.SEND && c.chat().equals(chat)).map(Call::text).collect(Collectors.toList());
  }

  /** Every text a person could read: messages, status texts and edits, captions. */
  public List<String> everythingShown() {
    return calls.stream().filter(c -> c.text() != null).map(Call::text).collect(Collectors.toList());
  }

  /** The status messages created, in order. */
  public List<MessageRef> statuses() {
    return calls(Kind.CREATE_STATUS).stream().map(Call::ref).collect(Collectors.toList());
  }

  /** The texts a status message showed: its first text, then each edit. */
  public List<String> statusTexts(MessageRef status) {
    List<String> texts = new ArrayList<>();
    for (Call c : calls) {
      if ((c.kind() == Kind.CREATE_STATUS || c.kind() == Kind.EDIT_STATUS) && status.equals(c.ref())) texts.add(c.text());
    }
    return texts;
  }

  /** Edits of one status message, with their times. */
  public List<Call> edits(MessageRef status) {
    return calls.stream().filter(c -> c.kind() == Kind.EDIT_STATUS && status.equals(c.ref())).collect(Collectors.toList());
  }

  public List<Call> videos() {
    return calls(Kind.SEND_VIDEO);
  }

  public List<Call> photos() {
    return calls(Kind.SEND_PHOTO);
  }

  /** Pictures shown in place of one sent before. */
  public List<Call> replacedPhotos() {
    return calls(Kind.REPLACE_PHOTO);
  }

  public boolean anyShown(Predicate<String> test) {
    return everythingShown().stream().anyMatch(test);
  }

  /** Everything shown, one line per call: handy in assertion messages. */
  public String transcript() {
    return calls.stream()
        .map(c -> c.kind() + " " + c.chat().id() + (c.ref() == null ? "" : " " + c.ref().messageId())
            + (c.text() == null ? "" : ": " + c.text()) + (c.action() == null ? "" : " " + c.action()))
        .collect(Collectors.joining("\n"));
  }

  public void clear() {
    calls.clear();
  }

  private List<String> texts(Kind kind) {
    return calls.stream().filter(c -> c.kind() == kind).map(Call::text).collect(Collectors.toList());
  }

  public static final class Builder {
    private String platform = "test";
    private long maxUploadBytes = 50L << 20;
    private int maxTextLength = 4096;
    private Duration minEditInterval = Duration.ofMillis(100);
    private boolean acceptVideos = true;
    private boolean replacesPhotos;

    public Builder platform(String platform) { this.platform = platform; return this; }
    public Builder maxUploadBytes(long bytes) { this.maxUploadBytes = bytes; return this; }
    public Builder maxTextLength(int length) { this.maxTextLength = length; return this; }
    public Builder minEditInterval(Duration interval) { this.minEditInterval = interval; return this; }
    /** false: sendVideo answers "too large after all", as a platform may. */
    public Builder acceptVideos(boolean accept) { this.acceptVideos = accept; return this; }
    /** true: pictures can be replaced in place, as on Telegram; by default a new one is sent instead. */
    public Builder replacesPhotos(boolean replaces) { this.replacesPhotos = replaces; return this; }
    public RecordingPort build() { return new RecordingPort(this); }
  }
}
