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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The core's way out to Telegram. Edits of one chat are kept apart by the chat's edit
 * interval (a burst keeps only the latest text per message), a 429 is waited out once, and
 * an edit with unchanged text is not an error.
 */
final class TelegramPort implements ChatPort {
  static final String PLATFORM = "telegram";
  static final int MAX_TEXT = 4096;
  static final int MAX_CAPTION = 1024;
  static final int MAX_CALLBACK_DATA = 64;
  private static final long MAX_RETRY_AFTER_SECONDS = 120;
  private static final Logger log = LoggerFactory.getLogger(TelegramPort.class);

  private final TelegramClient client;
  private final TelegramSettings settings;
  private final TokenMask mask;
  private final ScheduledExecutorService scheduler;
  private final Map<String, EditGate> gates = new ConcurrentHashMap<>();

  TelegramPort(TelegramClient client, TelegramSettings settings, TokenMask mask, ScheduledExecutorService scheduler) {
    this.client = client;
    this.settings = settings;
    this.mask = mask;
    this.scheduler = scheduler;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public PortLimits limits(Chat chat) {
    return new PortLimits(settings.maxUploadBytes(), MAX_TEXT, editInterval(chat));
  }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException {
    List<String> parts = TextSplitter.split(text, MAX_TEXT);
    Message last = null;
    for (int i = 0; i < parts.size(); i++) {
      SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chat.id()).text(parts.get(i));
      if (i == parts.size() - 1) {
        InlineKeyboardMarkup keyboard = keyboard(suggestions);
        if (keyboard != null) b.replyMarkup(keyboard);
      }
      SendMessage m = b.build();
      last = call("sendMessage", () -> client.execute(m));
    }
    return new MessageRef(chat, String.valueOf(last.getMessageId()));
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) throws IOException {
    return send(chat, TextSplitter.split(text, MAX_TEXT).get(0), List.of());
  }

  @Override
  public void editStatus(MessageRef status, String text) throws IOException {
    String shortened = TextSplitter.split(text, MAX_TEXT).get(0);
    EditGate gate = gates.computeIfAbsent(status.chat().id(), id -> new EditGate(status.chat()));
    if (gate.claimOrQueue(status.messageId(), shortened)) {
      edit(status.chat(), status.messageId(), shortened);
    }
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("no video file to send: " + file.getFileName());
    SendVideo.SendVideoBuilder<?, ?> b = SendVideo.builder()
        .chatId(chat.id())
        .video(new InputFile(file.toFile(), file.getFileName().toString()))
        .supportsStreaming(true);
    if (caption != null && !caption.isEmpty()) {
      b.caption(caption.length() > MAX_CAPTION ? caption.substring(0, MAX_CAPTION - 1) + "…" : caption);
    }
    SendVideo video = b.build();
    try {
      call("sendVideo", () -> client.execute(video));
      return true;
    } catch (BotApiException e) {
      if (e.tooLarge()) {
        log.info("Telegram refused a video of {} bytes as too large", Files.size(file));
        return false;
      }
      throw e;
    }
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

  private void edit(Chat chat, String messageId, String text) throws IOException {
    int id;
    try {
      id = Integer.parseInt(messageId);
    } catch (NumberFormatException e) {
      throw new IOException("not a Telegram message id: " + messageId);
    }
    EditMessageText m = EditMessageText.builder().chatId(chat.id()).messageId(id).text(text).build();
    try {
      call("editMessageText", () -> client.execute(m));
    } catch (BotApiException e) {
      if (!e.notModified()) throw e;
    }
  }

  @FunctionalInterface
  interface ApiCall<T> {
    T run() throws TelegramApiException;
  }

  /** Runs one Bot API call; on 429 waits what Telegram asks and tries once more. */
  <T> T call(String method, ApiCall<T> apiCall) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return apiCall.run();
      } catch (TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = describe(e);
        if (code == 429 && attempt == 0) {
          long seconds = retryAfter(e);
          log.info("{}: Telegram asks to wait {} s (429); retrying once", method, seconds);
          try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(method + " interrupted while waiting out a 429");
          }
          continue;
        }
        throw new BotApiException(method, code, description);
      } catch (TelegramApiException e) {
        throw new IOException(method + " failed: " + mask.describe(e));
      } catch (RuntimeException e) {
        throw new IOException(method + " failed: " + mask.describe(e));
      }
    }
  }

  private String describe(TelegramApiRequestException e) {
    String raw = e.getApiResponse();
    return mask.mask(raw != null ? raw : e.getMessage());
  }

  private static long retryAfter(TelegramApiRequestException e) {
    Integer s = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
    long seconds = s == null || s < 1 ? 1 : s;
    return Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
  }

  /**
   * Keeps the edits of one chat at least the chat's interval apart. An edit that comes too
   * soon waits in line; a newer text for the same message replaces the waiting one.
   */
  private final class EditGate {
    private final Chat chat;
    private final Map<String, String> waiting = new LinkedHashMap<>();
    private long nextFreeNanos = System.nanoTime();
    private boolean flushScheduled;

    EditGate(Chat chat) {
      this.chat = chat;
    }

    /** True when the caller may edit now (its slot is claimed); false when the edit was queued. */
    synchronized boolean claimOrQueue(String messageId, String text) {
      long now = System.nanoTime();
      if (!flushScheduled && now >= nextFreeNanos) {
        nextFreeNanos = now + editInterval(chat).toNanos();
        return true;
      }
      waiting.put(messageId, text);
      if (!flushScheduled) {
        flushScheduled = true;
        scheduler.schedule(this::flushOne, Math.max(0, nextFreeNanos - now), TimeUnit.NANOSECONDS);
      }
      return false;
    }

    private void flushOne() {
      String messageId;
      String text;
      synchronized (this) {
        var it = waiting.entrySet().iterator();
        if (!it.hasNext()) {
          flushScheduled = false;
          return;
        }
        var next = it.next();
        it.remove();
        messageId = next.getKey();
        text = next.getValue();
        long now = System.nanoTime();
        nextFreeNanos = now + editInterval(chat).toNanos();
        if (waiting.isEmpty()) {
          flushScheduled = false;
        } else {
          scheduler.schedule(this::flushOne, editInterval(chat).toNanos(), TimeUnit.NANOSECONDS);
        }
      }
      try {
        edit(chat, messageId, text);
      } catch (IOException e) {
        log.warn("A delayed status edit failed: {}", mask.mask(e.getMessage()));
      } catch (RuntimeException e) {
        log.warn("A delayed status edit failed: {}", mask.describe(e));
      }
    }
  }
}
