package io.tunecut.core.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a backend tool does ("add_bgm" → adding music), in the person's words, for progress lines. */
final class ToolActivity {
  /** The tools we recognise, whatever the backend calls them. */
  private enum Kind {
    RENDERING("rendering", "正在渲染"),
    VOLUME("setting the volume", "正在调整音量"),
    BEAT("syncing to the beat", "正在卡点"),
    FADE("adding a fade", "正在添加淡入淡出"),
    ADD_MUSIC("adding music", "正在添加音乐"),
    REMOVE_MUSIC("removing music", "正在移除音乐"),
    ADD_TITLE("adding a title", "正在添加标题"),
    REMOVE_TEXT("removing text", "正在移除文字"),
    FORMAT("changing the format", "正在更改画面比例"),
    READ_TIMELINE("reading the timeline", "正在读取时间线"),
    ANALYSE("analysing the clips", "正在分析片段"),
    CUT("cutting the clips", "正在剪辑片段");

    final String en;
    final String zh;

    Kind(String en, String zh) {
      this.en = en;
      this.zh = zh;
    }
  }

  private static final Map<String, String> VERBS = Map.ofEntries(
      Map.entry("add", "adding"), Map.entry("set", "setting"), Map.entry("get", "getting"),
      Map.entry("cut", "cutting"), Map.entry("trim", "trimming"), Map.entry("split", "splitting"),
      Map.entry("sync", "syncing"), Map.entry("run", "running"), Map.entry("put", "putting"),
      Map.entry("fetch", "fetching"), Map.entry("read", "reading"), Map.entry("list", "listing"),
      Map.entry("apply", "applying"), Map.entry("update", "updating"), Map.entry("remove", "removing"),
      Map.entry("delete", "deleting"), Map.entry("create", "creating"), Map.entry("generate", "generating"),
      Map.entry("make", "making"), Map.entry("change", "changing"), Map.entry("analyze", "analysing"),
      Map.entry("analyse", "analysing"), Map.entry("adjust", "adjusting"), Map.entry("insert", "inserting"),
      Map.entry("move", "moving"), Map.entry("replace", "replacing"), Map.entry("upload", "uploading"),
      Map.entry("detect", "detecting"), Map.entry("search", "searching"), Map.entry("find", "finding"),
      Map.entry("check", "checking"), Map.entry("resize", "resizing"), Map.entry("crop", "cropping"),
      Map.entry("mix", "mixing"), Map.entry("fade", "fading"), Map.entry("merge", "merging"));

  private ToolActivity() {}

  /** A short phrase for {@code toolName}; never the raw name when it is not a plain identifier. */
  static String describe(String toolName, Language lang) {
    List<String> words = words(toolName);
    Kind kind = kind(" " + String.join(" ", words) + " ");
    if (kind != null) return lang == Language.ZH ? kind.zh : kind.en;
    // A tool we do not know: its own words read in English; in Chinese only that work goes on.
    if (lang == Language.ZH || words.isEmpty()) return lang == Language.ZH ? "处理中" : "working";
    String first = VERBS.get(words.get(0));
    if (first != null) words.set(0, first);
    return String.join(" ", words);
  }

  private static Kind kind(String joined) {
    if (has(joined, "render", "export")) return Kind.RENDERING;
    if (has(joined, "volume", "gain", "loudness", "duck", "ducking")) return Kind.VOLUME;
    if (has(joined, "beat", "beats", "sync")) return Kind.BEAT;
    if (has(joined, "fade", "fadein", "fadeout")) return Kind.FADE;
    if (has(joined, "music", "bgm", "song", "soundtrack", "audio")) {
      return has(joined, "remove", "delete") ? Kind.REMOVE_MUSIC : Kind.ADD_MUSIC;
    }
    if (has(joined, "title", "subtitle", "subtitles", "caption", "captions", "text")) {
      return has(joined, "remove", "delete") ? Kind.REMOVE_TEXT : Kind.ADD_TITLE;
    }
    if (has(joined, "aspect", "ratio", "canvas", "vertical", "resolution")) return Kind.FORMAT;
    if (has(joined, "state", "draft", "timeline") && has(joined, "get", "read", "fetch", "load")) return Kind.READ_TIMELINE;
    if (has(joined, "analyze", "analyse", "analysis")) return Kind.ANALYSE;
    if (has(joined, "trim", "cut", "split")) return Kind.CUT;
    return null;
  }

  private static boolean has(String joined, String... words) {
    for (String word : words) {
      if (joined.contains(" " + word + " ")) return true;
    }
    return false;
  }

  /** snake_case, kebab-case, camelCase and dotted names as lower-case words; empty when not a name. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    if (name == null || name.length() > 64 || !name.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) return words;
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_.\\-]+", " ");
    for (String word : spaced.strip().split(" +")) {
      if (!word.isEmpty()) words.add(word.toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
