package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tunecut.studio.internal.llm.ModelReply.Failure;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an operator's language model to turn a message into edits, offered as the tools of a
 * {@link ToolCatalog}. Only text goes to the model: the instructions, the current state as the
 * caller describes it, and the person's message; never tokens, links or media.
 *
 * <p>{@link #ask} never throws and never waits longer than the settings' timeout: a slow, absent
 * or confused model is a {@link ModelReply.Failed}, and the caller reads the message itself.
 * One caller serves a whole process, from any thread.
 *
 * @param <T> the kind of edit the tools produce
 */
public final class ToolCaller<T> {
  private static final Logger log = LoggerFactory.getLogger(ToolCaller.class);

  private final LlmSettings settings;
  private final ToolCatalog<T> catalog;
  private final ArrayNode tools;
  private final String instructions;
  private final ChatCompletions chat;

  /** @param instructions the system prompt: who the model is and how to use the tools */
  public ToolCaller(LlmSettings settings, ToolCatalog<T> catalog, String instructions) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.tools = catalog.offered();
    this.instructions = Objects.requireNonNull(instructions, "instructions");
    this.chat = new ChatCompletions(settings);
  }

  /**
   * @param message what the person typed
   * @param context what the model should know besides, as text (the timeline now); may be empty
   */
  public ModelReply<T> ask(String message, String context) {
    long start = System.nanoTime();
    ModelReply<T> reply = answer(message == null ? "" : message, context == null || context.isBlank() ? instructions
        : instructions + "\n\n" + context);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (reply instanceof ModelReply.Proposed<T> proposed) {
      log.info("Model {} at {} proposed {} edit(s), {} dropped, in {} ms", settings.model(), settings.host(),
          proposed.edits().size(), proposed.dropped().size(), millis);
      proposed.dropped().forEach(dropped -> log.info("Dropped a call of the model: {}", dropped));
    } else if (reply instanceof ModelReply.Failed<T> failed) {
      log.warn("Model {} at {} could not help after {} ms: {}", settings.model(), settings.host(), millis,
          failed.reason());
    }
    return reply;
  }

  private ModelReply<T> answer(String message, String system) {
    try {
      ChatCompletions.Completion completion = chat.complete(system, message, tools);
      if (completion.calls().isEmpty()) {
        return new ModelReply.Failed<>(Failure.NO_TOOL_CALLS, "the model answered without proposing an edit");
      }
      return catalog.read(completion.calls(), completion.text());
    } catch (ModelUnavailable e) {
      return new ModelReply.Failed<>(e.failure(), e.getMessage());
    } catch (RuntimeException e) {
      // Whatever the model sent, the conversation goes on without it.
      log.warn("Could not read the answer of model {}", settings.model(), e);
      return new ModelReply.Failed<>(Failure.MALFORMED, "the model's answer could not be read");
    }
  }
}
