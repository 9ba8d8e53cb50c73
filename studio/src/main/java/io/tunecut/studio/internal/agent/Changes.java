package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Look;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.draft.Output;
import io.tunecut.studio.internal.draft.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What differs between two drafts, in the words a person reads ("music 100% → 70%", "text 'Day 1'
 * added"): for "what did you change?" and for saying what an undo took back.
 *
 * @param english one phrase per difference
 * @param chinese the same in Chinese
 */
record Changes(List<String> english, List<String> chinese) {
  /** More than this many clips changed is said as one change of the clips. */
  private static final int CLIPS_NAMED = 3;

  static Changes between(Draft from, Draft to) {
    Changes c = new Changes(new ArrayList<>(), new ArrayList<>());
    c.clips(from, to);
    c.music(from.music(), to.music());
    c.captions(from.captions(), to.captions());
    if (from.output().width() != to.output().width() || from.output().height() != to.output().height()) {
      String was = from.output().width() + "×" + from.output().height();
      String now = to.output().width() + "×" + to.output().height();
      c.add("frame " + was + " → " + now, "画面 " + was + " → " + now);
    }
    if (from.output().look() != to.output().look()) {
      c.add("look " + look(from.output().look(), false) + " → " + look(to.output().look(), false),
          "色调 " + look(from.output().look(), true) + " → " + look(to.output().look(), true));
    }
    if (!Objects.equals(from.output().loudness(), to.output().loudness())) {
      c.add("loudness " + lufs(from.output().loudness()) + " → " + lufs(to.output().loudness()),
          "响度 " + lufs(from.output().loudness()) + " → " + lufs(to.output().loudness()));
    }
    if (!Objects.equals(from.transition(), to.transition())) {
      c.add("crossfades " + fades(from.transition(), false) + " → " + fades(to.transition(), false),
          "转场淡化 " + fades(from.transition(), true) + " → " + fades(to.transition(), true));
    }
    if ((from.grid() == null) != (to.grid() == null)) {
      c.add(to.grid() != null ? "cuts put on the beat" : "cuts no longer held to the beat",
          to.grid() != null ? "剪辑点卡在节拍上" : "剪辑点不再卡节拍");
    }
    if (from.durationMs() != to.durationMs()) {
      c.add("video " + Words.secs(from.durationMs()) + " → " + Words.secs(to.durationMs()),
          "视频 " + Words.zhSecs(from.durationMs()) + " → " + Words.zhSecs(to.durationMs()));
    }
    return new Changes(List.copyOf(c.english), List.copyOf(c.chinese));
  }

  boolean none() {
    return english.isEmpty();
  }

  /** The differences in one sentence's words. */
  String said(boolean zh) {
    return zh ? String.join("；", chinese) : String.join("; ", english);
  }

  private void add(String en, String zh) {
    english.add(en);
    chinese.add(zh);
  }

  private void clips(Draft from, Draft to) {
    List<String> was = from.clips().stream().map(Clip::id).toList();
    List<String> now = to.clips().stream().map(Clip::id).toList();
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (Clip c : from.clips()) {
      if (!now.contains(c.id())) {
        en.add(c.name() + " removed");
        zh.add("删除了 " + c.name());
      }
    }
    for (Clip c : to.clips()) {
      if (!was.contains(c.id())) {
        en.add(c.name() + " added");
        zh.add("加入了 " + c.name());
      }
    }
    List<String> kept = was.stream().filter(now::contains).toList();
    if (!kept.equals(now.stream().filter(was::contains).toList())) {
      en.add("clip order " + names(from) + " → " + names(to));
      zh.add("片段顺序 " + names(from) + " → " + names(to));
    }
    for (Clip after : to.clips()) {
      Clip before = from.clips().stream().filter(c -> c.id().equals(after.id())).findFirst().orElse(null);
      if (before == null) continue;
      if (before.speed() != after.speed()) {
        en.add(after.name() + " speed " + times(before.speed()) + " → " + times(after.speed()));
        zh.add(after.name() + " 速度 " + times(before.speed()) + " → " + times(after.speed()));
      } else if (before.durationMs() != after.durationMs() || before.inMs() != after.inMs()) {
        String part = before.inMs() != after.inMs() ? ", from " + Words.secs(after.inMs()) + " in" : "";
        String zhPart = before.inMs() != after.inMs() ? "，从第 " + Words.zhSecs(after.inMs()) + "开始" : "";
        en.add(after.name() + " " + Words.secs(before.durationMs()) + " → " + Words.secs(after.durationMs()) + part);
        zh.add(after.name() + " " + Words.zhSecs(before.durationMs()) + " → " + Words.zhSecs(after.durationMs()) + zhPart);
      }
      if (before.level() != after.level()) {
        en.add(after.name() + "'s own sound " + Words.percent(before.level()) + " → " + Words.percent(after.level()));
        zh.add(after.name() + " 原声 " + Words.percent(before.level()) + " → " + Words.percent(after.level()));
      }
    }
    if (en.size() > CLIPS_NAMED) {
      add("the clips: " + from.clips().size() + " → " + to.clips().size() + " on the video track, " + en.size() + " changes",
          "片段：视频轨 " + from.clips().size() + " → " + to.clips().size() + " 段，" + en.size() + " 处改动");
    } else {
      english.addAll(en);
      chinese.addAll(zh);
    }
  }

  private void music(Music from, Music to) {
    if (from == null && to == null) return;
    if (from == null || to == null || !from.src().equals(to.src())) {
      if (from != null) add("music '" + from.name() + "' taken off", "去掉了背景音乐「" + from.name() + "」");
      if (to != null) add("music '" + to.name() + "' added at " + Words.percent(to.volume()), "加上了背景音乐「" + to.name() + "」，音量 " + Words.percent(to.volume()));
      return;
    }
    changed(from, to, Music::volume, (v, zh) -> Words.percent((double) v), "music", "音乐音量");
    changed(from, to, Music::fadeInMs, (v, zh) -> ms((long) v, zh), "music fade-in", "音乐淡入");
    changed(from, to, Music::fadeOutMs, (v, zh) -> ms((long) v, zh), "music fade-out", "音乐淡出");
    changed(from, to, Music::inMs, (v, zh) -> zh ? "第 " + Words.zhSecs((long) v) : "from " + Words.secs((long) v), "the song plays", "歌曲从");
    changed(from, to, Music::startMs, (v, zh) -> zh ? Words.zhSecs((long) v) : "at " + Words.secs((long) v), "the music comes in", "音乐进入于");
    changed(from, to, Music::loop, (v, zh) -> (boolean) v ? (zh ? "循环" : "looped") : (zh ? "不循环" : "not looped"), "music", "音乐");
    changed(from, to, m -> m.duck() != null, (v, zh) -> (boolean) v ? (zh ? "开" : "on") : (zh ? "关" : "off"),
        "music lowered under speech", "人声时压低音乐");
  }

  private void captions(List<Caption> from, List<Caption> to) {
    for (Caption c : from) {
      if (to.stream().noneMatch(t -> t.id().equals(c.id()))) add(kind(c, false) + " '" + c.text() + "' removed", "删除了" + kind(c, true) + "「" + c.text() + "」");
    }
    for (Caption t : to) {
      Caption c = from.stream().filter(f -> f.id().equals(t.id())).findFirst().orElse(null);
      if (c == null) {
        add(kind(t, false) + " '" + t.text() + "' added " + TextPlace.where(t.position()), "加上了" + kind(t, true) + "「" + t.text() + "」，" + TextPlace.zhWhere(t.position()));
        continue;
      }
      String name = kind(t, false) + " '" + t.text() + "'";
      String zhName = kind(t, true) + "「" + t.text() + "」";
      if (!c.text().equals(t.text())) add(kind(t, false) + " '" + c.text() + "' → '" + t.text() + "'", kind(t, true) + "「" + c.text() + "」→「" + t.text() + "」");
      if (!c.position().equals(t.position())) {
        add(name + " " + TextPlace.where(c.position()) + " → " + TextPlace.where(t.position()),
            zhName + " " + TextPlace.zhWhere(c.position()) + " → " + TextPlace.zhWhere(t.position()));
      }
      changed(c, t, Caption::size, (v, zh) -> Math.round((double) v * 100) + "%", name + " height", zhName + "字高");
      changed(c, t, Caption::color, (v, zh) -> SetText.colourName((String) v, zh), name, zhName + "颜色");
      if (c.startMs() != t.startMs() || c.durationMs() != t.durationMs()) {
        add(name + " " + span(c, false) + " → " + span(t, false), zhName + " " + span(c, true) + " → " + span(t, true));
      }
    }
  }

  /** "title" for the video's one title, "text" for the rest, as the timeline names them. */
  private static String kind(Caption c, boolean zh) {
    boolean title = c.id().equals("title");
    return zh ? (title ? "标题" : "文字") : (title ? "title" : "text");
  }

  /** One field's change, said by {@code said(value, chinese)}. */
  private <T> void changed(T from, T to, Function<T, Object> field, BiFunction<Object, Boolean, String> said, String en, String zh) {
    Object was = field.apply(from);
    Object now = field.apply(to);
    if (Objects.equals(was, now)) return;
    add(en + " " + said.apply(was, false) + " → " + said.apply(now, false), zh + " " + said.apply(was, true) + " → " + said.apply(now, true));
  }

  private static String names(Draft draft) {
    return String.join(", ", draft.clips().stream().map(Clip::name).toList());
  }

  private static String times(double speed) {
    return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "×";
  }

  private static String ms(long ms, boolean zh) {
    return ms == 0 ? (zh ? "无" : "none") : zh ? Words.zhSecs(ms) : Words.secs(ms);
  }

  private static String span(Caption c, boolean zh) {
    return zh ? Words.zhSecs(c.startMs()) + "–" + Words.zhSecs(c.startMs() + c.durationMs())
        : Words.secs(c.startMs()) + "–" + Words.secs(c.startMs() + c.durationMs());
  }

  private static String fades(Transition t, boolean zh) {
    return t == null ? (zh ? "无" : "none") : zh ? Words.zhSecs(t.durationMs()) : Words.secs(t.durationMs());
  }

  private static String look(Look look, boolean zh) {
    return look == null ? (zh ? "原色" : "own colours") : look.said(zh);
  }

  private static String lufs(Double loudness) {
    return String.format(Locale.ROOT, "%.0f LUFS", loudness == null ? Output.DEFAULT_LOUDNESS : loudness);
  }
}
