package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;

/**
 * The drafts before this one (to undo to) and after it (to redo), oldest first. Kept per
 * session; at most {@link #KEPT} each way.
 */
public record History(List<Draft> earlier, List<Draft> later) {
  public static final int KEPT = 30;

  public History {
    earlier = List.copyOf(earlier.subList(Math.max(0, earlier.size() - KEPT), earlier.size()));
    later = List.copyOf(later.subList(Math.max(0, later.size() - KEPT), later.size()));
  }

  public static History none() {
    return new History(List.of(), List.of());
  }

  /** After an edit: the draft it replaced can be undone to; nothing is left to redo. */
  History edited(Draft before) {
    List<Draft> e = new ArrayList<>(earlier);
    e.add(before);
    return new History(e, List.of());
  }

  History undone(Draft current) {
    List<Draft> e = new ArrayList<>(earlier);
    e.remove(e.size() - 1);
    List<Draft> l = new ArrayList<>(later);
    l.add(current);
    return new History(e, l);
  }

  History redone(Draft current) {
    List<Draft> l = new ArrayList<>(later);
    l.remove(l.size() - 1);
    List<Draft> e = new ArrayList<>(earlier);
    e.add(current);
    return new History(e, l);
  }
}
