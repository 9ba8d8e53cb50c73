package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A composed track named in the person's language: the maker names it in English ("upbeat pop
 * for travel.mp4, 120 BPM, version 2.m4a"); someone writing Chinese sees
 * "travel.mp4 的欢快流行配乐，120 BPM，第 2 版.m4a" in the reply, the timeline and the file name.
 */
final class TrackNames implements MusicMaker {
  private static final Pattern ENGLISH = Pattern.compile("(.+) for (.+), (\\d+) BPM(?:, version (\\d+))?\\.m4a");

  private static final Pattern MORE = Pattern.compile("(.+) and (\\d+) more clips?");
  private final MusicMaker maker;

  private TrackNames(MusicMaker maker) {
    this.maker = maker;
  }

  /** {@code maker}, naming what it makes in Chinese when {@code chinese}; null stays null. */
  static MusicMaker in(MusicMaker maker, boolean chinese) {
    return maker == null || !chinese || maker instanceof TrackNames ? maker : new TrackNames(maker);
  }

  @Override
  public Media make(Draft draft, List<Media> media, Wish wish) throws IOException {
    Media made = maker.make(draft, media, wish);
    return new Media(made.id(), chinese(made.filename()), made.info(), made.file());
  }

  /** The Chinese name for an English one this maker gave; a name of another form stays as it is. */
  String chinese(String english) {
    Matcher m = ENGLISH.matcher(english);
    if (!m.matches()) return english;
    String style = maker.styleName(m.group(1), true);
    String clips = clips(m.group(2));
    return clips + (clips.matches(".*\\p{IsHan}") ? "的" : " 的") + style + "配乐，" + m.group(3) + " BPM" + (m.group(4) == null ? "" : "，第 " + m.group(4) + " 版") + ".m4a";
  }

  /** "red.mp4 and 1 more clip" is "red.mp4 等 2 个片段". */
  private static String clips(String english) {
    Matcher more = MORE.matcher(english);
    return more.matches() ? more.group(1) + " 等 " + (Integer.parseInt(more.group(2)) + 1) + " 个片段" : english;
  }

  @Override
  public Optional<String> styleIn(String words) {
    return maker.styleIn(words);
  }

  @Override
  public String calmer(String style) {
    return maker.calmer(style);
  }

  @Override
  public String livelier(String style) {
    return maker.livelier(style);
  }

  @Override
  public Optional<Wish> wishOf(Media track) {
    return maker.wishOf(track);
  }

  @Override
  public String styleName(String style, boolean chinese) {
    return maker.styleName(style, chinese);
  }
}
