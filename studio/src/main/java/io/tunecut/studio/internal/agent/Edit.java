package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.List;

/**
 * What one instruction did: the new draft, the tool step to report (none for an answer), and
 * a sentence for the person in English and Chinese.
 *
 * @param created media the edit made (a composed track)
 */
public record Edit(Draft draft, AgentStep step, String english, String chinese, Kind kind, List<Media> created, Aside aside) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the reply uses the sentence. */
  public enum Kind { DONE, REFUSED, ANSWER, QUESTION, EXPORT }

  /**
   * What an answer is, where the rest of the message decides whether it is said, or the next
   * message reads it: the purpose answered, another track offered, "which part?", "they're one
   * video already", the title's words asked for. Set by the instruction, the same in every language.
   */
  public enum Aside { NONE, PURPOSE, ANOTHER_TRACK, WHICH_PART, JOINED, ASKS_TITLE }

  public Edit {
    created = List.copyOf(created);
    aside = aside == null ? Aside.NONE : aside;
  }

  public Edit(Draft draft, AgentStep step, String english, String chinese, Kind kind, List<Media> created) {
    this(draft, step, english, chinese, kind, created, Aside.NONE);
  }

  /** The same answer, marked as {@code a}. */
  Edit as(Aside a) {
    return new Edit(draft, step, english, chinese, kind, created, a);
  }

  boolean is(Aside a) {
    return aside == a;
  }

  public static ObjectNode args() {
    return JSON.createObjectNode();
  }

  /** A successful step: {@code result} carries {@code ok: true} and the summary sentence. */
  public static Edit done(Draft draft, String tool, ObjectNode args, String english, String chinese) {
    return done(draft, tool, args, JSON.createObjectNode(), english, chinese);
  }

  /** The same, with what the step found besides (a tempo, how many cuts…) in {@code result}. */
  public static Edit done(Draft draft, String tool, ObjectNode args, ObjectNode findings, String english,
      String chinese) {
    ObjectNode result = findings.deepCopy().put("ok", true).put("summary", english);
    return new Edit(draft, new AgentStep(tool, args, result), english, chinese, Kind.DONE, List.of());
  }

  /** An instruction understood but not possible now ("fade" with no music): the draft is unchanged. */
  public static Edit refused(Draft draft, String tool, ObjectNode args, String english, String chinese) {
    ObjectNode result = JSON.createObjectNode().put("ok", false).put("error", english);
    return new Edit(draft, new AgentStep(tool, args, result), english, chinese, Kind.REFUSED, List.of());
  }

  /** An answer to a question or a greeting: nothing changes. */
  public static Edit answer(Draft draft, String english, String chinese) {
    return new Edit(draft, null, english, chinese, Kind.ANSWER, List.of());
  }

  /** Understood, and already done by an earlier clause ("too loud, bring it down"): nothing to add. */
  static Edit understood(Draft draft) {
    return answer(draft, "", "");
  }

  /** An answer that ends the clause, nothing changed: two readings are plausible (ask which), or it was a question, not a request. */
  static Edit question(Draft draft, String english, String chinese) {
    return new Edit(draft, null, english, chinese, Kind.QUESTION, List.of());
  }

  Edit withCreated(List<Media> made) {
    return new Edit(draft, step, english, chinese, kind, made, aside);
  }

  public String text(boolean chinese) {
    return chinese ? this.chinese : english;
  }
}
