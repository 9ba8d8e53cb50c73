package io.tunecut.telegram;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortLimits;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.chat.TextSplitter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The core's way out to Telegram. Every message and edit goes through the {@link Outbox}, the
 * one throttle (budgets per chat and overall, a 429 pausing only its chat); a status edit is
 * queued and returns at once, the latest text winning; an edit with unchanged text is not an error.
 * A photo is replaced in place (editMessageMedia) as such an edit too.
 * The asynchronous calls are native: they queue on the outbox and hold no thread while a chat
 * waits out a 429; the blocking ones wait for their own chat's answer (the core needs its message id).
 */
final class TelegramPort implements ChatPort {
  static final String PLATFORM = "telegram";
  static final int MAX_TEXT = 4096;
  static final int MAX_CAPTION = 1024;
  static final int MAX_CALLBACK_DATA = 64;
  private static final Logger log = LoggerFactory.getLogger(TelegramPort.class);

  private final TelegramClient client;
  private final TelegramSettings settings;
  private final TokenMask mask;
  private final Outbox outbox;

  TelegramPort(TelegramClient client, TelegramSettings settings, TokenMask mask, ScheduledExecutorService scheduler,
      Executor workers) {
    this.client = client;
    this.settings = settings;
    this.mask = mask;
    this.outbox = new Outbox(scheduler, workers, this::editInterval);
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public PortLimits limits(Chat chat) {
    // No interval for the core to keep: the outbox keeps Telegram's, for edits and sends alike.
    return new PortLimits(settings.maxUploadBytes(), MAX_TEXT, Duration.ZERO);
  }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException {
    return await(sendAsync(chat, text, suggestions, null));
  }

  /** Every part is queued at once, so they go out together and in order. */
  @Override
  public CompletableFuture<MessageRef> sendAsync(Chat chat, String text, List<Suggestion> suggestions, Executor unused) {
    List<String> parts = TextSplitter.split(text, MAX_TEXT);
    List<CompletableFuture<Message>> sent = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chat.id()).text(parts.get(i));
      if (i == parts.size() - 1) {
        InlineKeyboardMarkup keyboard = keyboard(suggestions);
        if (keyboard != null) b.replyMarkup(keyboard);
      }
      SendMessage m = b.build();
      sent.add(outbox.send(chat, "sendMessage", () -> call("sendMessage", () -> client.execute(m))));
    }
    CompletableFuture<Message> last = sent.get(sent.size() - 1);
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .thenApply(all -> new MessageRef(chat, String.valueOf(last.join().getMessageId())));
  }

  @Override
  public CompletableFuture<MessageRef> sendPrivatelyAsync(Chat chat, String text, Executor unused) {
    return sendAsync(chat, text, List.of(), unused);
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) throws IOException {
    return await(createStatusAsync(chat, text, null));
  }

  @Override
  public CompletableFuture<MessageRef> createStatusAsync(Chat chat, String text, Executor unused) {
    return sendAsync(chat, TextSplitter.split(text, MAX_TEXT).get(0), List.of(), unused);
  }

  /** Queued, returning at once: the latest text wins. */
  @Override
  public void editStatus(MessageRef status, String text) {
    editStatusAsync(status, text, null);
  }

  /** Completes once the edit is queued; a failure of the edit itself is logged. */
  @Override
  public CompletableFuture<Void> editStatusAsync(MessageRef status, String text, Executor unused) {
    String shortened = TextSplitter.split(text, MAX_TEXT).get(0);
    outbox.edit(status.chat(), status.messageId(), "editMessageText", () -> edit(status.chat(), status.messageId(), shortened))
        .whenComplete((v, failure) -> {
          if (failure != null) log.warn("A status edit failed: {}", mask.mask(String.valueOf(failure.getMessage())));
        });
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    return await(sendVideoAsync(chat, file, caption, null));
  }

  @Override
  public CompletableFuture<Boolean> sendVideoAsync(Chat chat, Path file, String caption, Executor unused) {
    if (!Files.isRegularFile(file)) {
      return CompletableFuture.failedFuture(new IOException("no video file to send: " + file.getFileName()));
    }
    SendVideo.SendVideoBuilder<?, ?> b = SendVideo.builder()
        .chatId(chat.id())
        .video(new InputFile(file.toFile(), file.getFileName().toString()))
        .supportsStreaming(true);
    if (caption != null && !caption.isEmpty()) {
      b.caption(caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION - 1) + "…" : caption);
    }
    SendVideo video = b.build();
    return unlessTooLarge(outbox.send(chat, "sendVideo", () -> call("sendVideo", () -> client.execute(video))), "video", file)
        .thenApply(Objects::nonNull);
  }

  @Override
  public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    return await(sendPhotoAsync(chat, file, caption, suggestions, null));
  }

  @Override
  public CompletableFuture<Boolean> sendPhotoAsync(Chat chat, Path file, String caption, List<Suggestion> suggestions,
      Executor unused) {
    return sendReplaceablePhotoAsync(chat, file, caption, suggestions, unused).thenApply(Objects::nonNull);
  }

  @Override
  public MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    return await(sendReplaceablePhotoAsync(chat, file, caption, suggestions, null));
  }

  /** A photo with the caption and buttons under it; a caption over Telegram's 1024 follows as a message. */
  @Override
  public CompletableFuture<MessageRef> sendReplaceablePhotoAsync(Chat chat, Path file, String caption,
      List<Suggestion> suggestions, Executor unused) {
    if (!Files.isRegularFile(file)) {
      return CompletableFuture.failedFuture(new IOException("no picture to send: " + file.getFileName()));
    }
    boolean fits = fitsUnder(caption);
    SendPhoto.SendPhotoBuilder<?, ?> b = SendPhoto.builder()
        .chatId(chat.id())
        .photo(new InputFile(file.toFile(), file.getFileName().toString()));
    if (fits) {
      b.caption(caption);
      InlineKeyboardMarkup keyboard = keyboard(suggestions);
      if (keyboard != null) b.replyMarkup(keyboard);
    }
    SendPhoto photo = b.build();
    CompletableFuture<MessageRef> sent = unlessTooLarge(outbox.send(chat, "sendPhoto", () -> call("sendPhoto", () -> client.execute(photo))), "picture", file)
        .thenApply(m -> m == null ? null : new MessageRef(chat, String.valueOf(m.getMessageId())));
    if (fits || caption == null || caption.isEmpty()) return sent;
    return sent.thenCompose(shown -> shown != null ? sendAsync(chat, caption, suggestions, unused).thenApply(m -> shown)
        : CompletableFuture.completedFuture(null));
  }

  @Override
  public boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    return await(replacePhotoAsync(photo, file, caption, suggestions, null));
  }

  /**
   * editMessageMedia, queued as an edit of that message (its budget, a 429 waited out). Telegram
   * drops a caption and buttons not given again, so they are, as sendPhoto gave them.
   */
  @Override
  public CompletableFuture<Boolean> replacePhotoAsync(MessageRef photo, Path file, String caption,
      List<Suggestion> suggestions, Executor unused) {
    if (!Files.isRegularFile(file)) {
      return CompletableFuture.failedFuture(new IOException("no picture to send: " + file.getFileName()));
    }
    int id;
    try {
      id = messageId(photo.messageId());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    InputMediaPhoto media = new InputMediaPhoto(file.toFile(), file.getFileName().toString());
    EditMessageMedia.EditMessageMediaBuilder<?, ?> b = EditMessageMedia.builder().chatId(photo.chat().id()).messageId(id);
    if (fitsUnder(caption)) {
      media.setCaption(caption);
      InlineKeyboardMarkup keyboard = keyboard(suggestions);
      if (keyboard != null) b.replyMarkup(keyboard);
    }
    EditMessageMedia edit = b.media(media).build();
    return outbox.edit(photo.chat(), photo.messageId(), "editMessageMedia", () -> {
      try {
        call("editMessageMedia", () -> client.execute(edit));
      } catch (BotApiException e) {
        if (!e.notModified()) throw e;
      }
      return null;
    }).thenApply(v -> true);
  }

  /** Whether a caption goes under its photo; a longer one follows as a message of its own, without buttons under the photo. */
  private static boolean fitsUnder(String caption) {
    return caption != null && !caption.isEmpty() && caption.length() <= MAX_CAPTION;
  }

  /** Telegram's answer once it took the file; null when it refused it as too large; other failures fail. */
  private static <T> CompletableFuture<T> unlessTooLarge(CompletableFuture<T> sent, String what, Path file) {
    return sent.handle((message, failure) -> {
      if (failure == null) return message;
      Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
      if (cause instanceof BotApiException e && e.tooLarge()) {
        log.info("Telegram refused a {} of {} bytes as too large", what, file.toFile().length());
        return null;
      }
      throw failure instanceof CompletionException c ? c : new CompletionException(failure);
    });
  }

  @Override
  public void chatAction(Chat chat, ChatAction action) throws IOException {
    ActionType type = action == ChatAction.UPLOADING_VIDEO ? ActionType.UPLOAD_VIDEO : ActionType.TYPING;
    SendChatAction m = SendChatAction.builder().chatId(chat.id()).action(type.toString()).build();
    call("sendChatAction", () -> client.execute(m));
  }

  /** Answers a button press so the client stops its spinner. */
  void answerCallback(String callbackQueryId) throws IOException {
    var m = new org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery(callbackQueryId);
    call("answerCallbackQuery", () -> client.execute(m));
  }

  /**
   * Lets what waits in the outbox go out for at most {@code grace}; what is left then fails and is
   * logged. Returns how many calls could not go out.
   */
  int closeOutbox(Duration grace) {
    return outbox.close(grace);
  }

  Duration editInterval(Chat chat) {
    return chat.group() ? settings.groupEditInterval() : settings.privateEditInterval();
  }

  static InlineKeyboardMarkup keyboard(List<Suggestion> suggestions) {
    if (suggestions == null || suggestions.isEmpty()) return null;
    List<InlineKeyboardButton> buttons = new ArrayList<>();
    for (Suggestion s : suggestions) {
      if (s.command().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA) {
        log.warn("Suggestion '{}' left out: its command is over {} bytes", s.label(), MAX_CALLBACK_DATA);
        continue;
      }
      InlineKeyboardButton button = new InlineKeyboardButton(s.label());
      button.setCallbackData(s.command());
      buttons.add(button);
    }
    if (buttons.isEmpty()) return null;
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += 3) {
      rows.add(new InlineKeyboardRow(buttons.subList(i, Math.min(i + 3, buttons.size()))));
    }
    return new InlineKeyboardMarkup(rows);
  }

  private static int messageId(String messageId) throws IOException {
    try {
      return Integer.parseInt(messageId);
    } catch (NumberFormatException e) {
      throw new IOException("not a Telegram message id: " + messageId);
    }
  }

  private Void edit(Chat chat, String messageId, String text) throws IOException {
    int id = messageId(messageId);
    EditMessageText m = EditMessageText.builder().chatId(chat.id()).messageId(id).text(text).build();
    try {
      call("editMessageText", () -> client.execute(m));
    } catch (BotApiException e) {
      if (!e.notModified()) throw e;
    }
    return null;
  }

  /** Waits for a queued call; its failure is thrown as it was. */
  private static <T> T await(CompletableFuture<T> queued) throws IOException {
    try {
      return queued.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while a message waited for its turn");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof IOException io) throw io;
      throw new IOException(cause);
    }
  }

  @FunctionalInterface
  interface ApiCall<T> {
    T run() throws TelegramApiException;
  }

  /** Runs one Bot API call; a refusal (a 429 with its retry_after) is thrown for the outbox to handle. */
  <T> T call(String method, ApiCall<T> apiCall) throws IOException {
    try {
      return apiCall.run();
    } catch (TelegramApiRequestException e) {
      int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
      Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      throw new BotApiException(method, code, describe(e), retryAfter == null ? 0 : retryAfter);
    } catch (TelegramApiException | RuntimeException e) {
      throw new IOException(method + " failed: " + mask.describe(e));
    }
  }

  private String describe(TelegramApiRequestException e) {
    String raw = e.getApiResponse();
    return mask.mask(raw != null ? raw : e.getMessage());
  }
}
