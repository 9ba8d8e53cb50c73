package io.tunecut.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.app.config.Settings;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bench render}: on a 60 s 1080p30 clip with a 90 s track, our add-music render (stereo and
 * mono sources) and our full re-encode, each against ONE bare ffmpeg command doing the same work in
 * a single pass (loudnorm in it), in one run; and the loudness and true peak of what we wrote.
 * Medians of three runs; the ratio is what counts (the machine varies run to run).
 */
public final class RenderBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUNS = 3;

  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("tunecut-bench-render");
    Path clip = dir.resolve("clip.mp4");
    Path track = dir.resolve("track.mp3");
    Path monoClip = dir.resolve("clip-mono.mp4");
    Path monoTrack = dir.resolve("track-mono.mp3");
    System.out.println("bench render: generating a 60 s 1080p30 clip with stereo sound and a 90 s stereo track …");
    bare(List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=60", "-f", "lavfi", "-i",
        "aevalsrc=" + tones(220, 330) + ":s=48000:d=60", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", clip.toString()));
    bare(List.of("-f", "lavfi", "-i", "aevalsrc=" + tones(440, 550) + ":s=44100:d=90", "-c:a", "libmp3lame",
        "-b:a", "192k", track.toString()));
    // Screen recordings and voice memos are often mono: the same work on mono copies.
    bare(List.of("-i", clip.toString(), "-c:v", "copy", "-ac", "1", "-c:a", "aac", "-b:a", "96k", monoClip.toString()));
    bare(List.of("-i", track.toString(), "-ac", "1", "-c:a", "libmp3lame", "-b:a", "128k", monoTrack.toString()));

    Ffmpeg ffmpeg = Settings.fromProcessEnvironment().ffmpegPrograms();
    FfprobeMediaProbe probe = new FfprobeMediaProbe(ffmpeg);
    Map<String, Media> media = Map.of(
        "clip", new Media("clip", "clip.mp4", probe.probe(clip, "clip.mp4"), clip),
        "track", new Media("track", "track.mp3", probe.probe(track, "track.mp3"), track));
    Map<String, Media> monoMedia = Map.of(
        "clip", new Media("clip", "clip.mp4", probe.probe(monoClip, "clip.mp4"), monoClip),
        "track", new Media("track", "track.mp3", probe.probe(monoTrack, "track.mp3"), monoTrack));
    FfmpegRenderer renderer = new FfmpegRenderer(ffmpeg, Files.createDirectories(dir.resolve("work")));

    Draft addMusic = Draft.read(draft("16:9", null));
    Draft reencode = Draft.read(draft("9:16", "Urban Dreams"));
    String music = "[1:a]atrim=0:60,asetpts=N/SR/TB,volume=0.35,afade=t=out:st=58:d=2[m];"
        + "[0:a][m]amix=inputs=2:normalize=0:duration=first:dropout_transition=0";
    String picture = "[0:v]scale=1080:1920:force_original_aspect_ratio=decrease,pad=1080:1920:(ow-iw)/2:(oh-ih)/2,"
        + "setsar=1,fps=30,format=yuv420p,drawtext=text='Urban Dreams':fontcolor=white:fontsize=86:"
        + "x=(w-tw)/2:y=(h-th)/2:enable='between(t,0,3)'[v]";

    double ours1 = median(() -> renderer.render(addMusic, media, dir.resolve("ours-music.mp4"), p -> {}));
    double bare1 = median(() -> onePass(clip, track, music, List.of("-map", "0:v", "-c:v", "copy"), "", dir.resolve("bare-music.mp4")));
    double ours3 = median(() -> renderer.render(addMusic, monoMedia, dir.resolve("ours-mono.mp4"), p -> {}));
    double bare3 = median(() -> onePass(monoClip, monoTrack, music, List.of("-map", "0:v", "-c:v", "copy"), "", dir.resolve("bare-mono.mp4")));
    double ours2 = median(() -> renderer.render(reencode, media, dir.resolve("ours-full.mp4"), p -> {}));
    double bare2 = median(() -> onePass(clip, track, music, List.of("-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "22"),
        picture + ";", dir.resolve("bare-full.mp4")));

    System.out.printf("  add music (video copied):  ours %.2f s, one bare pass %.2f s → %.2f× bare (target ≤ 1.15×), %.1f× real time%n",
        ours1, bare1, ours1 / bare1, 60 / ours1);
    System.out.printf("  add music, mono sources:   ours %.2f s, one bare pass %.2f s → %.2f× bare (target ≤ 1.15×), %.1f× real time%n",
        ours3, bare3, ours3 / bare3, 60 / ours3);
    System.out.printf("  full re-encode (9:16, title): ours %.2f s, one bare pass %.2f s → %.2f× bare (target ≤ 1.15×), %.1f× real time%n",
        ours2, bare2, ours2 / bare2, 60 / ours2);
    for (String name : List.of("ours-music.mp4", "ours-mono.mp4", "ours-full.mp4")) {
      double[] l = loudness(dir.resolve(name));
      System.out.printf("  %s: %.1f LUFS, true peak %.1f dBTP (target −14 ±0.5 LUFS, ≤ −1 dBTP)%n", name, l[0], l[1]);
    }
  }

  /** A tone a side over a little noise: pure tones alone make the AAC encoder unusually slow. */
  private static String tones(int left, int right) {
    return String.format("0.3*sin(2*PI*%d*t)+0.03*(2*random(0)-1)|0.3*sin(2*PI*%d*t)+0.03*(2*random(1)-1)", left, right);
  }

  private static JsonNode draft(String aspect, String title) throws IOException {
    String text = title == null ? "" : ",{\"id\":\"text\",\"tt\":7,\"sg\":[{\"id\":\"x1\",\"text\":\"" + title
        + "\",\"st\":0,\"d\":3000,\"pos\":\"center\",\"size\":0.08,\"color\":\"#ffffff\"}]}";
    return JSON.readTree("{\"d\":60000,\"m\":{\"aspect\":\"" + aspect + "\",\"resolution\":\"1080p\",\"fill\":\"bars\",\"loudness\":-14},\"t\":["
        + "{\"id\":\"video\",\"tt\":0,\"sg\":[{\"id\":\"c1\",\"src\":\"clip\",\"n\":\"clip.mp4\",\"kind\":\"video\",\"st\":0,\"d\":60000,\"in\":0,\"v\":1.0}]},"
        + "{\"id\":\"music\",\"tt\":1,\"sg\":[{\"id\":\"m1\",\"src\":\"track\",\"n\":\"track.mp3\",\"st\":0,\"d\":60000,\"in\":0,\"v\":0.35,\"fi\":0,\"fo\":2000,\"loop\":true}]}"
        + text + "]}");
  }

  /** What one bare command does: the picture, the mix, loudnorm (one pass, dynamic) and AAC, all at once. */
  private static void onePass(Path clip, Path track, String music, List<String> video, String picture, Path out) throws Exception {
    List<String> args = new ArrayList<>(List.of("-i", clip.toString(), "-i", track.toString(), "-filter_complex",
        picture + music + ",loudnorm=I=-14:TP=-1:LRA=11,aformat=sample_rates=48000:channel_layouts=stereo[a]"));
    args.addAll(video);
    args.addAll(List.of("-map", "[a]", "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-movflags", "+faststart", out.toString()));
    bare(args);
  }

  /** Integrated loudness (LUFS) and true peak (dBTP) by ebur128. */
  static double[] loudness(Path file) throws Exception {
    String out = bare(List.of("-i", file.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"));
    String summary = out.substring(out.lastIndexOf("Summary:"));
    return new double[] {number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
  }

  private static double number(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  static String bare(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Settings.fromProcessEnvironment().ffmpeg(), "-y", "-hide_banner", "-nostats"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) throw new IOException("ffmpeg failed: " + output.substring(Math.max(0, output.length() - 800)));
    return output;
  }

  interface Job {
    void run() throws Exception;
  }

  static double median(Job job) throws Exception {
    return median(job, RUNS);
  }

  /** The median wall time of {@code runs} runs, in seconds. */
  static double median(Job job, int runs) throws Exception {
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      job.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }
}
