package io.tunecut.core.nemo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what a turn told its listener, and on which thread. */
final class RecordingListener implements TurnListener {
  final List<String> texts = new CopyOnWriteArrayList<>();
  final List<String> activities = new CopyOnWriteArrayList<>();
  final AtomicInteger alive = new AtomicInteger();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<Duration> rateLimitWaits = new CopyOnWriteArrayList<>();

  @Override
  public void onText(String text) {
    texts.add(text);
    threads.add(Thread.currentThread().getName());
  }

  @Override
  public void onTool(String toolName) {
    activities.add(toolName);
  }

  @Override
  public void onAlive() {
    alive.incrementAndGet();
  }

  @Override
  public void onRateLimited(Duration wait) {
    rateLimitWaits.add(wait);
  }

  String shown() {
    return String.join("", texts);
  }
}
