package io.tunecut.studio.bench;

import io.tunecut.studio.internal.analysis.AnalysisException;
import io.tunecut.studio.internal.analysis.BeatTracker;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.analysis.CutDetector;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.analysis.SpeechDetector;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code analyze beats FILE} prints {@code {"tempo": …, "beats": […], "downbeats": […], "beats_per_bar": 4}};
 * {@code analyze cuts FILE} prints {@code {"cuts": […]}}; {@code analyze speech FILE} prints
 * {@code {"speech": [[start, end], …]}}. Seconds throughout. Runs the ffmpeg and ffprobe named
 * by {@code TUNECUT_FFMPEG} / {@code TUNECUT_FFPROBE}, else the PATH's.
 */
public final class AnalyzeCommand {
  private static final String USAGE = "usage: analyze beats|cuts|speech FILE";

  private AnalyzeCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; 0 on success, 1 when the file cannot be analysed, 2 on bad usage. */
  public static int run(String[] args, PrintStream out) {
    return run(args, out, System.err);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Ffmpeg.fromEnvironment(System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Ffmpeg ffmpeg) {
    int first = args.length > 0 && args[0].equals("analyze") ? 1 : 0;
    if (args.length - first != 2) {
      err.println(USAGE);
      return 2;
    }
    String what = args[first];
    if (!List.of("beats", "cuts", "speech").contains(what)) {
      err.println(USAGE);
      return 2;
    }
    Path file = Path.of(args[first + 1]);
    if (!Files.isRegularFile(file)) {
      err.println("no such file: " + file);
      return 1;
    }
    try {
      switch (what) {
        case "beats" -> out.println(json(new BeatTracker(ffmpeg).track(file)));
        case "cuts" -> out.println(json(new CutDetector(ffmpeg).detect(file)));
        case "speech" -> out.println(jsonSpeech(new SpeechDetector(ffmpeg).detect(file)));
        default -> {
          err.println(USAGE);
          return 2;
        }
      }
      return 0;
    } catch (AnalysisException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  static String json(Beats beats) {
    return "{\"tempo\": " + number(beats.tempo()) + ", \"beats\": " + list(beats.beats())
        + ", \"downbeats\": " + list(beats.downbeats()) + ", \"beats_per_bar\": " + beats.beatsPerBar() + "}";
  }

  static String json(Cuts cuts) {
    return "{\"cuts\": " + list(cuts.cuts()) + "}";
  }

  static String jsonSpeech(List<TimeRange> speech) {
    return "{\"speech\": [" + speech.stream()
        .map(r -> "[" + number(r.start()) + ", " + number(r.end()) + "]")
        .collect(Collectors.joining(", ")) + "]}";
  }

  private static String list(List<Double> values) {
    return values.stream().map(AnalyzeCommand::number)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String number(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }
}
