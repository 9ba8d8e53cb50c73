package io.tunecut.telegram;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.fleet.AlbumParts;
import io.tunecut.core.fleet.UpdateClaims;
import io.tunecut.core.media.MediaFormats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Turns Telegram updates into inbound messages: one per message, one per album, one per
 * button press. In groups only what is addressed to the bot gets through. Files go on as
 * they are: what to make of them is the core's call, the same on every platform.
 *
 * <p>Messages of one person reach the handler in the order they were sent: an album still
 * being collected is handed over before that person's next message.
 */
final class Inbox implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);
  private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(.*)$", Pattern.DOTALL);

  /** The bot itself, as getMe describes it. */
  record Me(long id, String username) {}

  private final Me me;
  private final TelegramPort port;
  private final FileDownloads files;
  private final MessageHandler handler;
  private final ExecutorService workers;
  private final TokenMask mask;
  private final UpdateClaims claims;

  private final Albums albums;
  private final java.util.concurrent.atomic.AtomicLong lastTaken = new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param claims the update claims of instances sharing a store, or null when alone
   * @param parts where instances sharing a store gather albums, or null to gather them in memory
   */
  Inbox(Me me, TelegramSettings settings, TelegramPort port, FileDownloads files, MessageHandler handler,
      ScheduledExecutorService scheduler, ExecutorService workers, TokenMask mask, UpdateClaims claims,
      AlbumParts parts, ObjectMapper json) {
    this.me = me;
    this.port = port;
    this.files = files;
    this.handler = handler;
    this.workers = workers;
    this.mask = mask;
    this.claims = claims;
    this.albums = parts == null ? new MemoryAlbums(settings.albumWait(), scheduler, this::deliver)
        : new SharedAlbums(parts, json, settings.albumWait(), scheduler, this::deliver, mask);
  }

  @Override
  public void consume(List<Update> updates) {
    for (Update update : updates) accept(update);
  }

  /** Takes one update; a bad one is logged and skipped, never thrown back at the poller. */
  void accept(Update update) {
    if (update.getUpdateId() != null) lastTaken.accumulateAndGet(update.getUpdateId(), Math::max);
    if (!firstTime(update)) return;
    try {
      if (update.hasCallbackQuery()) {
        pressed(update.getCallbackQuery());
      } else if (update.hasMessage()) {
        received(update.getMessage());
      }
    } catch (RuntimeException e) {
      log.warn("Skipped update {}: {}", update.getUpdateId(), mask.describe(e));
    }
  }

  // Behind a load balancer Telegram may post an update again, to another instance.
  private boolean firstTime(Update update) {
    if (claims == null || update.getUpdateId() == null) return true;
    try {
      if (claims.claim(TelegramPort.PLATFORM, update.getUpdateId())) return true;
      log.debug("Update {} was taken by another instance", update.getUpdateId());
      return false;
    } catch (IOException e) {
      // Rather answered twice than lost.
      log.warn("Handling update {} without claiming it: {}", update.getUpdateId(), mask.mask(e.getMessage()));
      return true;
    }
  }

  /**
   * Nothing more comes in: albums still being gathered are handed over, to the handler when
   * gathered in memory, to the live instances when gathered in the shared store.
   */
  /** The highest update id taken so far, 0 before the first. */
  long lastTaken() {
    return lastTaken.get();
  }

  void flushAll() {
    albums.close();
  }

  private void received(Message m) {
    if (m.getFrom() == null || m.getChat() == null) return;
    String sender = m.getChatId() + ":" + m.getFrom().getId();
    String group = m.getMediaGroupId();
    if (group != null) {
      albums.add(m.getChatId() + ":" + group, sender, m);
      return;
    }
    synchronized (albums) {
      albums.handOver(sender);
      deliver(List.of(m));
    }
  }

  private void pressed(CallbackQuery q) {
    String id = q.getId();
    workers.execute(() -> {
      try {
        port.answerCallback(id);
      } catch (IOException e) {
        log.debug("answerCallbackQuery failed: {}", mask.mask(e.getMessage()));
      }
    });
    MaybeInaccessibleMessage where = q.getMessage();
    if (where == null || where.getChat() == null || q.getFrom() == null || q.getData() == null) return;
    Chat chat = chat(where.getChat());
    User from = q.getFrom();
    synchronized (albums) {
      albums.handOver(where.getChatId() + ":" + from.getId());
      String text = command(q.getData());
      handOver(new InboundMessage(user(from), chat, text == null ? q.getData() : text, List.of(), locale(from)));
    }
  }

  private void deliver(List<Message> items) {
    Message first = items.get(0);
    Chat chat = chat(first.getChat());
    boolean addressed = !chat.group();
    String text = "";
    List<Attachment> attachments = new ArrayList<>();
    for (Message m : items) {
      String said = m.getText() != null ? m.getText() : m.getCaption();
      if (said != null && !said.isBlank()) {
        Addressed a = address(said.trim(), chat.group());
        if (a.toUs) addressed = true;
        if (a.toOtherBot && chat.group()) continue;
        if (text.isEmpty()) text = a.text;
      }
      if (repliesToUs(m)) addressed = true;
      Attachment attachment = attachment(m);
      if (attachment != null) attachments.add(attachment);
    }
    if (!addressed) return;
    Locale locale = locale(first.getFrom());
    if (text.isEmpty() && attachments.isEmpty()) return;
    handOver(new InboundMessage(user(first.getFrom()), chat, text, attachments, locale));
  }

  private void handOver(InboundMessage message) {
    try {
      handler.handle(message, port);
    } catch (RuntimeException e) {
      log.warn("The message handler failed on a message from {}: {}", message.user(), mask.describe(e));
    }
  }

  private record Addressed(String text, boolean toUs, boolean toOtherBot) {}

  /** Strips "@ourbot" from commands and mentions, and tells whether the words were meant for us. */
  private Addressed address(String said, boolean group) {
    Matcher c = COMMAND.matcher(said);
    if (c.matches()) {
      String bot = c.group(2);
      boolean ours = bot == null || bot.equalsIgnoreCase(me.username());
      return new Addressed("/" + c.group(1).toLowerCase(Locale.ROOT) + c.group(3), ours, !ours);
    }
    if (me.username() != null) {
      Pattern mention = Pattern.compile("@" + Pattern.quote(me.username()) + "\\b", Pattern.CASE_INSENSITIVE);
      Matcher m = mention.matcher(said);
      if (m.find()) {
        String rest = m.replaceAll("").replaceAll("\\s{2,}", " ").trim();
        return new Addressed(rest, true, false);
      }
    }
    return new Addressed(said, false, false);
  }

  private static String command(String data) {
    Matcher c = COMMAND.matcher(data.trim());
    return c.matches() ? "/" + c.group(1).toLowerCase(Locale.ROOT) + c.group(3) : null;
  }

  private boolean repliesToUs(Message m) {
    Message replied = m.getReplyToMessage();
    return replied != null && replied.getFrom() != null && replied.getFrom().getId() != null
        && replied.getFrom().getId() == me.id();
  }

  private Attachment attachment(Message m) {
    int id = m.getMessageId() == null ? 0 : m.getMessageId();
    if (m.getVideo() != null) {
      var v = m.getVideo();
      return attach(v.getFileId(), orElse(v.getFileName(), "video_" + id + ".mp4"), v.getFileSize(), orElse(v.getMimeType(), "video/mp4"));
    }
    if (m.getVideoNote() != null) {
      var v = m.getVideoNote();
      return attach(v.getFileId(), "video_note_" + id + ".mp4", v.getFileSize() == null ? null : v.getFileSize().longValue(), "video/mp4");
    }
    if (m.getAnimation() != null) {
      var a = m.getAnimation();
      return attach(a.getFileId(), orElse(a.getFileName(), "animation_" + id + ".mp4"), a.getFileSize(), orElse(a.getMimeType(), "video/mp4"));
    }
    if (m.getAudio() != null) {
      var a = m.getAudio();
      String mime = orElse(a.getMimeType(), "audio/mpeg");
      return attach(a.getFileId(), orElse(a.getFileName(), MediaFormats.uploadName("audio_" + id, mime)), a.getFileSize(), mime);
    }
    if (m.getVoice() != null) {
      var v = m.getVoice();
      return attach(v.getFileId(), "voice_" + id + ".ogg", v.getFileSize(), orElse(v.getMimeType(), "audio/ogg"));
    }
    if (m.getDocument() != null) {
      // Any document goes on with its type: what we accept is the core's call, the same on every platform.
      var d = m.getDocument();
      return attach(d.getFileId(), orElse(d.getFileName(), "document_" + id), d.getFileSize(), d.getMimeType());
    }
    if (m.getPhoto() != null && !m.getPhoto().isEmpty()) {
      PhotoSize largest = m.getPhoto().stream()
          .max(Comparator.comparingLong(p -> p.getFileSize() != null ? p.getFileSize().longValue()
              : (long) orZero(p.getWidth()) * orZero(p.getHeight())))
          .orElseThrow();
      return attach(largest.getFileId(), "photo_" + id + ".jpg",
          largest.getFileSize() == null ? null : largest.getFileSize().longValue(), "image/jpeg");
    }
    return null;
  }

  private Attachment attach(String fileId, String name, Long size, String mime) {
    long bytes = size == null ? -1 : size;
    return new Attachment(name, bytes, mime, () -> files.open(fileId, name, bytes));
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  static Chat chat(org.telegram.telegrambots.meta.api.objects.chat.Chat c) {
    String type = c.getType();
    boolean group = "group".equals(type) || "supergroup".equals(type) || "channel".equals(type);
    return new Chat(TelegramPort.PLATFORM, String.valueOf(c.getId()), group);
  }

  static ChatUser user(User u) {
    return new ChatUser(TelegramPort.PLATFORM, String.valueOf(u.getId()));
  }

  static Locale locale(User u) {
    String code = u == null ? null : u.getLanguageCode();
    return code == null || code.isBlank() ? null : Locale.forLanguageTag(code);
  }
}
