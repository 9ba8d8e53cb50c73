package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.AgentStep;
import io.tunecut.studio.internal.agent.History;
import io.tunecut.studio.internal.agent.Said;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tiny agent: clips go on the video track; "music" puts the first audio file on the BGM track. */
final class FakeAgent implements Agent {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** When set, a turn waits for it: lets a test watch keep-alives. */
  volatile CountDownLatch hold;
  /** When set, uploads fail inside the agent: a handler that breaks. */
  volatile boolean broken;

  @Override
  public Draft emptyDraft() {
    return Draft.read(emptyJson());
  }

  private static ObjectNode emptyJson() {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("d", 0);
    d.putObject("m").put("width", 1920).put("height", 1080).put("aspect", "16:9");
    d.putArray("t");
    return d;
  }

  @Override
  public Draft afterUpload(Draft draft, List<Media> media, List<Media> added) {
    if (broken) throw new IllegalStateException("agent broke");
    ObjectNode d = draft.toJson();
    ArrayNode tracks = (ArrayNode) d.get("t");
    ObjectNode video = null;
    for (var t : tracks) if (t.path("tt").asInt(-1) == 0) video = (ObjectNode) t;
    if (video == null) {
      video = tracks.addObject().put("id", "video").put("tt", 0);
      video.putArray("sg");
    }
    long end = d.path("d").asLong();
    for (Media m : added) {
      if (m.info().kind() == MediaKind.AUDIO) continue;
      long len = m.info().kind() == MediaKind.IMAGE ? 3000 : Math.round(m.info().durationSeconds() * 1000);
      ((ArrayNode) video.get("sg")).addObject().put("id", "c" + end).put("src", m.id()).put("n", m.filename())
          .put("kind", m.info().kind().wire()).put("st", end).put("d", len).put("in", 0).put("v", 1.0);
      end += len;
    }
    d.put("d", end);
    return Draft.read(d);
  }

  @Override
  public AgentReply respond(Draft draft, History history, Said said, List<Media> media, String message, String language) {
    CountDownLatch h = hold;
    if (h != null) {
      try {
        h.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!message.contains("music")) {
      return new AgentReply(draft, List.of(), "I can add background music.");
    }
    Media track = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).findFirst().orElse(null);
    if (track == null) return new AgentReply(draft, List.of(), "Upload a track first.");
    ObjectNode d = draft.toJson();
    ObjectNode music = ((ArrayNode) d.get("t")).addObject().put("id", "music").put("tt", 1);
    music.putArray("sg").addObject().put("id", "m1").put("src", track.id()).put("n", track.filename())
        .put("st", 0).put("d", d.path("d").asLong()).put("in", 0).put("v", 0.35).put("loop", true);
    ObjectNode args = MAPPER.createObjectNode().put("track", track.filename());
    ObjectNode result = MAPPER.createObjectNode().put("ok", true);
    return new AgentReply(Draft.read(d), List.of(new AgentStep("add_music", args, result)), "Added " + track.filename() + ".");
  }
}
