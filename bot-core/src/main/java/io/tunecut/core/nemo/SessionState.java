package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code data.state} of the state call. The draft is kept as an opaque tree: it is summarised
 * for people and sent back unchanged for export.
 *
 * @param draft never null; a missing draft is an empty object node
 * @param state the whole {@code data.state} node, for what else a caller may want
 */
public record SessionState(JsonNode draft, JsonNode state) {}
