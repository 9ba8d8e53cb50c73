/**
 * An operator's language model, asked to turn a message into typed edits.
 *
 * <p>Edits are records marked {@link io.tunecut.studio.internal.llm.Tool}; a {@link io.tunecut.studio.internal.llm.ToolCatalog}
 * offers them to the model as tools with JSON schemas generated from the records, and reads the
 * model's calls back into records after checking them against those schemas. A
 * {@link io.tunecut.studio.internal.llm.ToolCaller} does one exchange with an OpenAI-compatible
 * chat-completions endpoint (Ollama, vLLM, llama.cpp, OpenAI), whole or streamed:
 *
 * <pre>{@code
 * ToolCatalog<Intent> catalog = ToolCatalog.of(Intent.class, List.of(MusicVolume.class, AddText.class));
 * // settings: from the app, which reads TUNECUT_LLM_* once (LlmSettings.fromEnvironment(env))
 * Optional<ToolCaller<Intent>> model = Optional.ofNullable(settings)
 *     .map(llm -> new ToolCaller<>(llm, catalog, INSTRUCTIONS));
 *
 * ModelReply<Intent> reply = model.get().ask(message, timelineAsText);
 * if (reply instanceof ModelReply.Proposed<Intent> proposed && !proposed.edits().isEmpty()) {
 *   proposed.edits();    // the usable calls, as records, in the model's order
 *   proposed.dropped();  // the others: "I couldn't use part of that: " + dropped
 * } else {
 *   // ModelReply.Failed (slow, down, HTTP error, not a completion, no tool call): read with the rules
 * }
 * }</pre>
 */
package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;
