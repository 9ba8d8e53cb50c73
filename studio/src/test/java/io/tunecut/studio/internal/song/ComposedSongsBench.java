package io.tunecut.studio.internal.song;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.agent.MusicMaker.Wish;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.internal.compose.Styles;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.server.Soundfont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The finder on music our composer wrote for a 60 s clip with no cuts: sections start at bar 1
 * and every 8 bars after, and the first one past 30% of the piece is the first at full level
 * (3), so that is where its "best part" starts. Run by hand, with
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} as the tests run.
 */
public final class ComposedSongsBench {
  public static void main(String[] args) throws Exception {
    Ffmpeg ffmpeg = Ffmpeg.of("ffmpeg", "ffprobe");
    Path dir = Files.createTempDirectory("composed-bench");
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), ffmpeg);
    Path clipFile = TestMedia.silentClip(dir, "clip.mp4", 60, 160, 90);
    Media clip = new Media("med_1", "clip.mp4", new FfprobeMediaProbe(ffmpeg).probe(clipFile, "clip.mp4"), clipFile);
    Draft draft = Draft.empty().withClips(List.of(new Clip("c0", "med_1", "clip.mp4", "video", 60_000, 0, 1, null)));
    ComposedMusic maker = new ComposedMusic(dir, ffmpeg, analysis, Soundfont.fromEnvironment(System.getenv()));
    int songs = 0, hits = 0, choruses = 0;
    for (var style : Styles.all()) {
      for (long seed = 1; seed <= 2; seed++) {
        Media track = maker.make(draft, List.of(clip), new Wish(style.name(), seed));
        Beats beats = analysis.beats(track.file());
        List<Double> down = beats.downbeats();
        double end = down.get(down.size() - 1);
        double truth = Double.NaN;
        for (int b = 1; b < down.size(); b += 8) {
          if (down.get(b) / end >= 0.3) {
            truth = down.get(b);
            break;
          }
        }
        SongParts parts = new SongEar(ffmpeg, f -> beats).parts(track.file());
        double said = parts.chorus().orElse(parts.loudest());
        double off = Math.abs(said - truth);
        boolean hit = off <= Math.max(2, beats.barLength());
        songs++;
        if (hit) hits++;
        if (parts.chorus().isPresent()) choruses++;
        System.out.printf(Locale.ROOT, "%-16s seed %d  bar %.2f  full from %5.1f  said %5.1f (%s)  drop %s  %s%n", style.name(), seed,
            beats.barLength(), truth, said, parts.chorus().isPresent() ? "chorus" : "loudest",
            parts.drop().map(d -> String.format(Locale.ROOT, "%.1f", d)).orElse("-"), hit ? "HIT" : String.format(Locale.ROOT, "MISS by %.1f s", off));
      }
    }
    System.out.printf(Locale.ROOT, "composed %d, hit %d, said as a chorus %d%n", songs, hits, choruses);
    maker.close();
    analysis.close();
  }
}
