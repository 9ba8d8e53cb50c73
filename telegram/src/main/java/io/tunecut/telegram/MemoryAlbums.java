package io.tunecut.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Albums gathered in this instance's memory: one machine, or instances each with their own updates. */
final class MemoryAlbums implements Albums {
  private final Duration wait;
  private final ScheduledExecutorService scheduler;
  private final Consumer<List<Message>> delivery;
  private final Map<String, Album> albums = new HashMap<>();
  private final Map<String, String> openAlbumOfSender = new HashMap<>();

  private static final class Album {
    final String key;
    final String sender;
    final List<Message> items = new ArrayList<>();
    ScheduledFuture<?> timer;

    Album(String key, String sender) {
      this.key = key;
      this.sender = sender;
    }
  }

  MemoryAlbums(Duration wait, ScheduledExecutorService scheduler, Consumer<List<Message>> delivery) {
    this.wait = wait;
    this.scheduler = scheduler;
    this.delivery = delivery;
  }

  @Override
  public synchronized void add(String key, String sender, Message item) {
    handOver(sender, key);
    Album album = albums.computeIfAbsent(key, k -> new Album(k, sender));
    album.items.add(item);
    openAlbumOfSender.put(sender, key);
    if (album.timer != null) album.timer.cancel(false);
    album.timer = scheduler.schedule(() -> flushWhenDue(album), wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void handOver(String sender, String keep) {
    String open = openAlbumOfSender.get(sender);
    if (open != null && !open.equals(keep)) flush(open);
  }

  /** Hands over every album still waiting. */
  @Override
  public synchronized void close() {
    for (String key : new ArrayList<>(albums.keySet())) flush(key);
  }

  private synchronized void flushWhenDue(Album album) {
    if (albums.get(album.key) == album) flush(album.key);
  }

  private void flush(String key) {
    Album album = albums.remove(key);
    if (album == null) return;
    openAlbumOfSender.remove(album.sender, key);
    if (album.timer != null) album.timer.cancel(false);
    album.items.sort(Comparator.comparing(Message::getMessageId));
    delivery.accept(album.items);
  }
}
