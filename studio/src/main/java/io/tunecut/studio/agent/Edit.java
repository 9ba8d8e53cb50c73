package io.tunecut.studio.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.draft.Draft;

/**
 * What one instruction did: the new draft, the tool step to report, and a sentence for the
 * user in English and Chinese.
 */
public record Edit(Draft draft, AgentStep step, String english, String chinese) {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    return new Edit(draft, new AgentStep(tool, args, result), english, chinese);
  }

  /** An instruction understood but not possible now ("fade" with no music): the draft is unchanged. */
  public static Edit refused(Draft draft, String tool, ObjectNode args, String english, String chinese) {
    ObjectNode result = JSON.createObjectNode().put("ok", false).put("error", english);
    return new Edit(draft, new AgentStep(tool, args, result), english, chinese);
  }

  public String text(boolean chinese) {
    return chinese ? this.chinese : english;
  }
}
