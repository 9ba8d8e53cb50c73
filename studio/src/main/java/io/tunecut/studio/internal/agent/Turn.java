package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clause of a message as the instructions read it. The words a reading uses are claimed:
 * once an instruction made its edit from them, the next instruction no longer sees them, so
 * two edits never come from the same words.
 */
public final class Turn {
  private final Message.Clause clause;
  private final List<String> quoted;
  private final List<Media> media;
  private final boolean chinese;
  private final MusicMaker maker;
  private final Set<String> earlier;
  private final boolean montages;
  private boolean alone;
  private final String message;
  private String text;
  private final List<int[]> pending = new ArrayList<>();

  Turn(Message.Clause clause, String message, List<String> quoted, List<Media> media, boolean chinese, MusicMaker maker,
      Set<String> earlier, boolean montages) {
    this.montages = montages;
    this.message = message;
    this.earlier = Set.copyOf(earlier);
    this.clause = clause;
    this.quoted = List.copyOf(quoted);
    this.media = List.copyOf(media);
    this.chinese = chinese;
    this.maker = maker;
    this.text = clause.text();
  }

  /** The clause's words not yet claimed (normalised: see {@link Message.Clause#text()}). */
  public String text() {
    return text;
  }

  /** The whole clause, claimed words included: for readings that may share words with another. */
  public String whole() {
    return clause.text();
  }

  /** Every clause of the message (normalised), for a part that says how much another part asked for. */
  public String message() {
    return message;
  }

  /** The clause as the person can be shown it. */
  public String shown() {
    return clause.shown();
  }

  public boolean negated() {
    return clause.negated();
  }

  public boolean chinese() {
    return chinese;
  }

  public List<Media> media() {
    return media;
  }

  MusicMaker maker() {
    return maker;
  }

  /** Whether an instruction of this agent cuts montages to the beat (then a montage's length is its own). */
  boolean montages() {
    return montages;
  }

  /** Whether the clause is all the message asks (the rest, if any, "ok", "lol"): a complaint alone is the request. */
  boolean alone() {
    return alone;
  }

  Turn alone(boolean alone) {
    this.alone = alone;
    return this;
  }

  /** Whether an earlier clause of the same message made a step of this tool. */
  boolean earlier(String tool) {
    return earlier.contains(tool);
  }

  /** Whether the unclaimed words contain {@code p}; a guard, claims nothing. */
  public boolean has(Pattern p) {
    return p.matcher(text).find();
  }

  /** The first match of {@code p}, or null; its words are claimed if the instruction makes an edit. */
  public Matcher match(Pattern p) {
    Matcher m = p.matcher(text);
    if (!m.find()) return null;
    pending.add(new int[] {m.start(), m.end()});
    return m;
  }

  /** Claims the words matched since the last commit. */
  void commit() {
    StringBuilder b = new StringBuilder(text);
    for (int[] r : pending) for (int i = r[0]; i < r[1]; i++) b.setCharAt(i, ' ');
    text = b.toString();
    pending.clear();
  }

  void discard() {
    pending.clear();
  }

  /** The uploaded tracks, in upload order. */
  public List<Media> tracks() {
    return media.stream().filter(x -> x.info().kind() == MediaKind.AUDIO).toList();
  }

  /** The text behind a {@code «n»} marker. */
  public String quote(String marker) {
    return quoted.get(Integer.parseInt(marker.replaceAll("\\D", "")));
  }
}
