package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.List;

/**
 * The studio's answer to a chat turn: reads a plain instruction (English or Chinese) and
 * edits the draft (docs/draft.md). Pure: no I/O beyond what analysis and composing need.
 */
public interface Agent {
  /**
   * @param history the drafts before (and after, once undone) this one, for "undo" and "redo"
   * @param said what the turn before left for this one ({@link AgentReply#said()}), kept by the session
   * @param media the session's files in upload order
   * @param language "en" or "zh": the session's language; the message's own script wins
   */
  AgentReply respond(Draft draft, History history, Said said, List<Media> media, String message, String language);

  /** A turn with nothing said before to lean on. */
  default AgentReply respond(Draft draft, History history, List<Media> media, String message, String language) {
    return respond(draft, history, Said.NOTHING, media, message, language);
  }

  /** A turn without history: "undo" has nothing to go back to. */
  default AgentReply respond(Draft draft, List<Media> media, String message, String language) {
    return respond(draft, History.none(), media, message, language);
  }

  /** The draft after files were uploaded: new clips and stills go on the video track. */
  Draft afterUpload(Draft draft, List<Media> media, List<Media> added);

  /** An empty draft for a new session. */
  Draft emptyDraft();
}
