package io.tunecut.studio.internal.agent.beat;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.History;
import io.tunecut.studio.internal.agent.Instruction;
import io.tunecut.studio.internal.agent.Instructions;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.internal.agent.Said;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.Renderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One person's editing session on the studio's real agent, with the beat edits and real analysis. */
final class Editing {
  final AnalysisCache analysis;
  final RuleAgent agent;
  final List<Media> media = new ArrayList<>();
  ObjectNode draft;
  /** What the last turn left for the next, as a session keeps it beside the draft. */
  Said said = Said.NOTHING;

  Editing(Path dir) {
    analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
    List<Instruction> instructions = new ArrayList<>(Instructions.standard());
    instructions.add(new BeatInstruction(analysis));
    agent = new RuleAgent(instructions);
    draft = agent.emptyDraft().toJson();
  }

  Media upload(Path file) throws Exception {
    String name = file.getFileName().toString();
    Media m = new Media("med_" + (media.size() + 1), name, new FfprobeMediaProbe(FFMPEG).probe(file, name), file);
    media.add(m);
    draft = agent.afterUpload(Draft.read(draft), media, List.of(m)).toJson();
    return m;
  }

  AgentReply say(String message) {
    return say(message, "en");
  }

  AgentReply say(String message, String language) {
    AgentReply reply = agent.respond(Draft.read(draft), History.none(), said, media, message, language);
    draft = reply.draft().toJson();
    said = reply.said();
    return reply;
  }

  Path render(Renderer renderer, Path out) throws Exception {
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    renderer.render(Draft.read(draft), byId, out, f -> {});
    return out;
  }

  ObjectNode music() {
    return (ObjectNode) track(1).path("sg").path(0);
  }

  ObjectNode track(int type) {
    for (var t : draft.path("t")) {
      if (t.path("tt").asInt() == type) return (ObjectNode) t;
    }
    throw new AssertionError("no track of type " + type + " in " + draft);
  }
}
