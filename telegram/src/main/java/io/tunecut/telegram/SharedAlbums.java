package io.tunecut.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.fleet.AlbumParts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Albums gathered in the store instances share, since a load balancer may post the items of
 * one album to different instances. Each instance that got an item looks again once the album
 * has been quiet for the wait; the first to take it hands it over whole. Albums left by an
 * instance that stopped are taken by any live one.
 */
final class SharedAlbums implements Albums {
  private static final Logger log = LoggerFactory.getLogger(SharedAlbums.class);
  // An album this long quiet was left by an instance that stopped: an item slow to arrive elsewhere is not.
  private static final int LEFT_AFTER_WAITS = 10;

  private final AlbumParts parts;
  private final ObjectMapper json;
  private final Duration wait;
  private final ScheduledExecutorService scheduler;
  private final Consumer<List<Message>> delivery;
  private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
  private final ScheduledFuture<?> sweep;
  private final TokenMask mask;

  SharedAlbums(AlbumParts parts, ObjectMapper json, Duration wait, ScheduledExecutorService scheduler, Consumer<List<Message>> delivery,
      TokenMask mask) {
    this.parts = parts;
    this.json = json;
    this.wait = wait;
    this.scheduler = scheduler;
    this.delivery = delivery;
    this.mask = mask;
    long every = Math.max(1, wait.toMillis() * LEFT_AFTER_WAITS / 2);
    this.sweep = scheduler.scheduleWithFixedDelay(this::takeLeftOver, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void add(String album, String sender, Message item) {
    handOver(sender, album);
    try {
      parts.add(album, sender, item.getMessageId(), json.writeValueAsString(item));
    } catch (IOException e) {
      // Rather the item alone than lost.
      log.warn("An album's item goes on alone: {}", mask.mask(e.getMessage()));
      delivery.accept(List.of(item));
      return;
    }
    lookAgain(album, wait);
  }

  @Override
  public synchronized void handOver(String sender, String keep) {
    try {
      for (String album : parts.openOf(sender)) {
        if (!album.equals(keep)) take(album);
      }
    } catch (IOException e) {
      log.warn("Could not look for albums still being gathered: {}", mask.mask(e.getMessage()));
    }
  }

  /** Leaves the albums in the store: a live instance takes them once they are quiet. */
  @Override
  public synchronized void close() {
    sweep.cancel(false);
    timers.values().forEach(t -> t.cancel(false));
    timers.clear();
  }

  private void lookAgain(String album, Duration after) {
    ScheduledFuture<?> old = timers.put(album, scheduler.schedule(() -> due(album), after.toMillis(), TimeUnit.MILLISECONDS));
    if (old != null) old.cancel(false);
  }

  private synchronized void due(String album) {
    timers.remove(album);
    try {
      Duration quiet = parts.quietFor(album);
      if (quiet == null) return;
      // An item reached another instance since: wait for the album to be quiet.
      if (quiet.compareTo(wait) < 0) lookAgain(album, wait.minus(quiet));
      else take(album);
    } catch (IOException e) {
      log.warn("Could not look at an album in the shared store: {}", mask.mask(e.getMessage()));
      lookAgain(album, wait);
    }
  }

  private synchronized void takeLeftOver() {
    try {
      for (String album : parts.quiet(wait.multipliedBy(LEFT_AFTER_WAITS))) take(album);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not look for albums left in the shared store: {}", mask.mask(e.getMessage()));
    }
  }

  private void take(String album) throws IOException {
    ScheduledFuture<?> timer = timers.remove(album);
    if (timer != null) timer.cancel(false);
    List<Message> items = new ArrayList<>();
    for (String item : parts.take(album)) {
      try {
        items.add(json.readValue(item, Message.class));
      } catch (JsonProcessingException e) {
        log.warn("An album's item could not be read back: {}", e.getOriginalMessage());
      }
    }
    if (!items.isEmpty()) delivery.accept(items);
  }
}
