package io.tunecut.studio.internal.llm;

/**
 * A tool call the model made that could not be used, and why, in words fit for the reply
 * ("I couldn't use part of that: …").
 */
public record DroppedCall(String tool, String reason) {
  @Override
  public String toString() {
    return tool.isBlank() ? reason : tool + ": " + reason;
  }
}
