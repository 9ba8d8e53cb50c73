package io.tunecut.core.nemo;

import java.util.List;

/**
 * How a chat turn ended when the stream closed normally.
 *
 * @param text all user-visible text of the turn, joined; empty for a silent turn
 * @param tools names of the tools the backend called, in order
 */
public record TurnResult(String text, List<String> tools) {
  public TurnResult {
    tools = List.copyOf(tools);
  }

  public boolean silent() {
    return text.isBlank();
  }
}
