package io.tunecut.studio.internal.preview;

import java.util.List;
import java.util.Locale;

/** The words written on a timeline picture, in the language the person writes in. */
public enum PictureWords {
  ENGLISH {
    @Override String clips(int n) { return n == 0 ? "no clips yet" : n + (n == 1 ? " clip" : " clips"); }
    @Override String crossfades(String seconds) { return "crossfades " + seconds; }
    @Override String finding(List<Finding> what) {
      List<String> names = what.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
      String list = names.size() == 1 ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
      return "still working out the " + list + "…";
    }
    @Override String noMusic() { return "no music"; }
    @Override String ducked(String db) { return "ducked " + db + " dB under speech"; }
    @Override String fadeIn(String seconds) { return "fade in " + seconds; }
    @Override String fadeOut(String seconds) { return "fade out " + seconds; }
    @Override String seconds(String number) { return number + " s"; }
  },
  CHINESE {
    @Override String clips(int n) { return n == 0 ? "还没有片段" : n + " 个片段"; }
    @Override String crossfades(String seconds) { return "交叉淡化 " + seconds; }
    @Override String finding(List<Finding> what) {
      return "正在分析" + String.join("、", what.stream().map(f -> switch (f) {
        case BEATS -> "节拍";
        case CUTS -> "切点";
        case THUMBNAILS -> "缩略图";
        case WAVEFORM -> "波形";
      }).toList()) + "…";
    }
    @Override String noMusic() { return "没有音乐"; }
    @Override String ducked(String db) { return "说话时 " + db + " dB"; }
    @Override String fadeIn(String seconds) { return "淡入 " + seconds; }
    @Override String fadeOut(String seconds) { return "淡出 " + seconds; }
    @Override String seconds(String number) { return number + " 秒"; }
  };

  /** What a first picture can still be finding, in the order it names them. */
  enum Finding { BEATS, CUTS, THUMBNAILS, WAVEFORM }

  /** Chinese for a language tag of Chinese ({@code zh}, {@code zh-CN}, {@code zh_hans}…), else English. */
  public static PictureWords of(String language) {
    return language != null && language.strip().toLowerCase(Locale.ROOT).matches("zh([-_].*)?") ? CHINESE : ENGLISH;
  }

  abstract String clips(int n);
  abstract String crossfades(String seconds);
  abstract String finding(List<Finding> what);
  abstract String noMusic();
  abstract String ducked(String db);
  abstract String fadeIn(String seconds);
  abstract String fadeOut(String seconds);
  abstract String seconds(String number);
}
