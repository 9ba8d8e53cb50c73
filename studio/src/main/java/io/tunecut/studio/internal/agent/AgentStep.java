package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One edit the agent made: emitted as an ADK functionCall and functionResponse pair. */
public record AgentStep(String tool, ObjectNode args, ObjectNode result) {}
