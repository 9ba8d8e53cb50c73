package io.tunecut.studio.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.media.Media;
import java.util.List;

/**
 * The studio's answer to a chat turn: reads a plain instruction (English or Chinese) and
 * edits the draft (docs/draft.md). Pure: no I/O beyond what analysis needs; never mutates
 * its arguments.
 */
public interface Agent {
  /**
   * @param media the session's files in upload order
   * @param language "en" or "zh": the session's language; the message's own script wins
   */
  AgentReply respond(ObjectNode draft, List<Media> media, String message, String language);

  /** The draft after files were uploaded: new clips and stills go on the video track. */
  ObjectNode afterUpload(ObjectNode draft, List<Media> media, List<Media> added);

  /** An empty draft for a new session. */
  ObjectNode emptyDraft();
}
