package io.tunecut.studio.internal.llm;

/** One tool call as the model sent it: a name and its arguments, a JSON object in a string. */
record ToolCall(String name, String arguments) {}
