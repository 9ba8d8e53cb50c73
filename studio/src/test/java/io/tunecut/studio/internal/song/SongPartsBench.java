package io.tunecut.studio.internal.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.Beats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hit rate of the chorus and drop finder on songs of a known form (a directory of songs and
 * their truth.json: each song's chorus starts), and its speed against the beat analysis.
 * Run by hand: {@code java ... SongPartsBench DIR}.
 */
public final class SongPartsBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Ffmpeg ffmpeg = Ffmpeg.of("ffmpeg", "ffprobe");
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
    Path cacheDir = Files.createTempDirectory("bench-analysis");
    int songs = 0, chorusHits = 0, anyHits = 0, found = 0, dropHits = 0, drops = 0;
    double beatSeconds = 0, earSeconds = 0, decodeSeconds = 0, audioSeconds = 0;
    List<Double> misses = new ArrayList<>();
    try (AnalysisCache cache = new AnalysisCache(cacheDir, ffmpeg)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
        var e = it.next();
        Path song = dir.resolve(e.getKey());
        long t0 = System.nanoTime();
        Beats beats = cache.beats(song);
        long t1 = System.nanoTime();
        float[] samples = SongSound.decode(ffmpeg, song);
        long decoded = System.nanoTime();
        SongParts parts = SongEar.hear(samples, beats);
        long t2 = System.nanoTime();
        decodeSeconds += (decoded - t1) / 1e9;
        beatSeconds += (t1 - t0) / 1e9;
        earSeconds += (t2 - t1) / 1e9;
        audioSeconds += e.getValue().path("length").asDouble();
        List<Double> choruses = new ArrayList<>();
        e.getValue().path("choruses").forEach(c -> choruses.add(c.asDouble()));
        double said = parts.chorus().orElse(parts.loudest());
        double first = Math.abs(said - choruses.get(0));
        double any = choruses.stream().mapToDouble(c -> Math.abs(said - c)).min().orElseThrow();
        double bar = beats.barLength() > 0 ? beats.barLength() : 2;
        double tolerance = Math.max(2, bar);
        songs++;
        if (parts.chorus().isPresent()) found++;
        if (first <= tolerance) chorusHits++;
        if (any <= tolerance) anyHits++;
        else misses.add(any);
        if (parts.drop().isPresent()) {
          drops++;
          double d = parts.drop().get();
          if (choruses.stream().anyMatch(c -> Math.abs(d - c) <= tolerance)) dropHits++;
        }
        System.out.printf(Locale.ROOT, "%s %-28s contrast %5.1f dB  tempo %5.1f bar %.2f  truth %s  chorus %s loudest %.1f drop %s  %s%n",
            e.getKey(), e.getValue().path("source").asText(), e.getValue().path("contrast_db").asDouble(), beats.tempo(), bar,
            choruses, parts.chorus().map(c -> String.format(Locale.ROOT, "%.1f", c)).orElse("-"), parts.loudest(),
            parts.drop().map(c -> String.format(Locale.ROOT, "%.1f", c)).orElse("-"),
            first <= tolerance ? "HIT" : any <= tolerance ? "hit-later" : "MISS");
      }
    }
    System.out.printf(Locale.ROOT, "songs %d, chorus found %d, first chorus hit %d (%.0f%%), any chorus hit %d (%.0f%%), misses off by %s%n",
        songs, found, chorusHits, 100.0 * chorusHits / songs, anyHits, 100.0 * anyHits / songs, misses);
    System.out.printf(Locale.ROOT, "drops said %d, on a chorus entry %d%n", drops, dropHits);
    System.out.printf(Locale.ROOT, "audio %.0f s: beats %.1f s (%.0fx real time), parts %.1f s (%.0fx real time; decoding %.1f s of it)%n",
        audioSeconds, beatSeconds, audioSeconds / beatSeconds, earSeconds, audioSeconds / earSeconds, decodeSeconds);
  }
}
