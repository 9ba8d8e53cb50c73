package io.tunecut.app.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A script's output in the order of its lines, though a line's work may start while the line
 * before still draws its late extras (the timeline's picture): each line prints through its own
 * {@link Turn}, printed at once while it is the oldest unfinished one, held until then otherwise.
 * A block may be written only when its turn comes ({@link Turn#whenPrinted}): a picture's file is
 * numbered then, so the numbers follow the order the lines are printed in. Thread-safe.
 */
final class InOrderOutput {
  private final Consumer<String> print;
  private final Deque<Turn> turns = new ArrayDeque<>();

  InOrderOutput(Consumer<String> print) {
    this.print = print;
  }

  /** The next line's turn: call in the order of the lines. */
  synchronized Turn next() {
    Turn turn = new Turn();
    turns.addLast(turn);
    return turn;
  }

  /** One line's output. */
  final class Turn implements Consumer<String> {
    private final List<Supplier<String>> held = new ArrayList<>();
    private boolean finished;

    @Override
    public void accept(String block) {
      whenPrinted(() -> block);
    }

    /** A block written as it is printed, after everything printed before it. */
    void whenPrinted(Supplier<String> block) {
      synchronized (InOrderOutput.this) {
        if (turns.peekFirst() == this) print.accept(block.get());
        else held.add(block);
      }
    }

    /** Everything the line started is out: the lines after it print what they held, up to the next unfinished one. */
    void finish() {
      synchronized (InOrderOutput.this) {
        finished = true;
        while (!turns.isEmpty() && turns.peekFirst().finished) {
          turns.removeFirst();
          Turn head = turns.peekFirst();
          if (head != null) {
            head.held.forEach(block -> print.accept(block.get()));
            head.held.clear();
          }
        }
      }
    }
  }
}
