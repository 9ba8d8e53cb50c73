package io.tunecut.core.nemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A short phrase for what a backend tool does ("add_bgm" → "adding music"), for progress lines. */
public final class ToolActivity {
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

  /** A readable phrase for {@code toolName}; never the raw name when it is not a plain identifier. */
  public static String describe(String toolName) {
    List<String> words = words(toolName);
    if (words.isEmpty()) {
      return "working";
    }
    String joined = " " + String.join(" ", words) + " ";
    if (has(joined, "render", "export")) {
      return "rendering";
    }
    if (has(joined, "volume", "gain", "loudness", "duck", "ducking")) {
      return "setting the volume";
    }
    if (has(joined, "beat", "beats", "sync")) {
      return "syncing to the beat";
    }
    if (has(joined, "fade", "fadein", "fadeout")) {
      return "adding a fade";
    }
    if (has(joined, "music", "bgm", "song", "soundtrack", "audio")) {
      return has(joined, "remove", "delete") ? "removing music" : "adding music";
    }
    if (has(joined, "title", "subtitle", "subtitles", "caption", "captions", "text")) {
      return has(joined, "remove", "delete") ? "removing text" : "adding a title";
    }
    if (has(joined, "aspect", "ratio", "canvas", "vertical", "resolution")) {
      return "changing the format";
    }
    if (has(joined, "state", "draft", "timeline") && has(joined, "get", "read", "fetch", "load")) {
      return "reading the timeline";
    }
    if (has(joined, "analyze", "analyse", "analysis")) {
      return "analysing the clips";
    }
    if (has(joined, "trim", "cut", "split")) {
      return "cutting the clips";
    }
    String first = VERBS.get(words.get(0));
    if (first != null) {
      words.set(0, first);
    }
    return String.join(" ", words);
  }

  private static boolean has(String joined, String... words) {
    for (String word : words) {
      if (joined.contains(" " + word + " ")) {
        return true;
      }
    }
    return false;
  }

  /** snake_case, kebab-case, camelCase and dotted names as lower-case words; empty when not a name. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    if (name == null || name.length() > 64 || !name.matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
      return words;
    }
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_.\\-]+", " ");
    for (String word : spaced.strip().split(" +")) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
