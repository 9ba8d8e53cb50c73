package io.tunecut.studio.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.draft.Aspect;
import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.media.Media;
import io.tunecut.studio.media.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The studio's agent: plain instructions in English or Chinese, read by {@link Instruction}
 * rules. Every rule that matches the message applies, so "add music at 35% and fade it out"
 * is three edits. A message no rule understands changes nothing and gets examples back.
 */
public final class RuleAgent implements Agent {
  static final long STILL_MS = 3000;
  private final List<Instruction> instructions;

  public RuleAgent() {
    this(Instructions.standard());
  }

  public RuleAgent(List<Instruction> instructions) {
    this.instructions = List.copyOf(instructions);
  }

  @Override
  public AgentReply respond(ObjectNode draftJson, List<Media> media, String message, String language) {
    Turn turn = Turn.of(message, media, language);
    Draft draft = Draft.read(draftJson);
    List<Edit> edits = new ArrayList<>();
    for (Instruction instruction : instructions) {
      Optional<Edit> edit = instruction.apply(turn, draft);
      if (edit.isPresent()) {
        edits.add(edit.get());
        draft = edit.get().draft();
      }
    }
    if (edits.isEmpty()) {
      return new AgentReply(draftJson.deepCopy(), List.of(), help(turn.chinese()) + tracksHint(turn, draft));
    }
    List<String> sentences = new ArrayList<>();
    for (Edit e : edits) sentences.add(e.text(turn.chinese()));
    String text = String.join(turn.chinese() ? "" : " ", sentences) + tracksHint(turn, draft);
    if (draft.isReady()) text += (turn.chinese() ? "\n时间线：" : "\nTimeline: ") + draft.summary();
    return new AgentReply(draft.toJson(), edits.stream().map(Edit::step).toList(), text);
  }

  @Override
  public ObjectNode afterUpload(ObjectNode draftJson, List<Media> media, List<Media> added) {
    Draft draft = Draft.read(draftJson);
    List<Clip> clips = new ArrayList<>(draft.clips());
    int n = clips.size();
    for (Media m : added) {
      MediaKind kind = m.info().kind();
      if (kind == MediaKind.AUDIO) continue;
      String id;
      do {
        id = "c" + (++n);
      } while (taken(clips, id));
      boolean still = kind == MediaKind.IMAGE;
      long d = still ? STILL_MS : Math.max(100, Math.round(m.info().durationSeconds() * 1000));
      clips.add(new Clip(id, m.id(), m.filename(), still ? "image" : "video", d, 0, 1.0, null));
    }
    if (clips.size() == draft.clips().size()) return draft.toJson();
    Draft next = draft.withClips(clips);
    var out = next.output();
    if (out.aspect() == null) {
      Media first = media.stream().filter(m -> m.id().equals(clips.get(0).src())).findFirst()
          .orElse(added.stream().filter(m -> m.info().kind() != MediaKind.AUDIO).findFirst().orElseThrow());
      Aspect.Frame f = Aspect.nearest(first.info().width(), first.info().height()).frame(out.shortSide());
      next = next.withOutput(out.withFrame(f.width(), f.height()));
    }
    return next.toJson();
  }

  @Override
  public ObjectNode emptyDraft() {
    return Draft.empty().toJson();
  }

  private static boolean taken(List<Clip> clips, String id) {
    return clips.stream().anyMatch(c -> c.id().equals(id));
  }

  /** When tracks were uploaded but none is playing, name them so the user can pick. */
  private static String tracksHint(Turn turn, Draft draft) {
    List<Media> tracks = turn.tracks();
    if (tracks.isEmpty() || draft.music() != null) return "";
    List<String> names = tracks.stream().map(Media::filename).toList();
    String first = names.get(0).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
    if (turn.chinese()) {
      return "\n可用的音乐：" + String.join("、", names) + "。说“添加背景音乐”或“用第二首”即可加上。";
    }
    return "\nTracks you sent: " + String.join(", ", names) + ". Say \"use " + first + "\""
        + (names.size() > 1 ? " or \"use the second track\"" : "") + " to add one.";
  }

  static String help(boolean chinese) {
    if (chinese) {
      return "抱歉，我没看懂。我可以：添加背景音乐（“添加背景音乐”、“用第二首”）、调音量（“音量35%”、“小声一点”）、"
          + "淡入淡出（“淡入2秒”、“淡出”）、设置标题（标题“城市之梦”）、字幕（字幕“第一天”在底部）、"
          + "画面比例（“竖屏”、“方形”、“横屏”）、分辨率（“720p”）、静音原声、调整片段顺序和长度。";
    }
    return "Sorry, I didn't understand that. I can: add background music (\"add background music\", \"use the second track\"), "
        + "set its volume (\"music at 35%\", \"quieter\"), fade (\"fade in 2 seconds\", \"fade it out at the end\"), "
        + "start it later (\"start the music at 5 s\"), loop it to the video, mute or lower the clips' own sound, "
        + "add a title (\"title 'Urban Dreams'\") or a caption (\"caption 'Day 1' at the bottom for 3 seconds\"), "
        + "change the shape (\"make it vertical\", \"square\", \"16:9\") and resolution (\"720p\"), "
        + "reorder and trim clips (\"put the second clip first\", \"trim the first clip to 5 seconds\"), "
        + "or fit everything to a length (\"60-second montage\").";
  }
}
