package io.tunecut.studio.internal.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real-footage evaluation set for cuts: camera moves (slow and fast pans, handheld shake,
 * fast zooms) over the photographs of Debian's mate-backgrounds (GPL-2+), edited together by
 * ffmpeg at frame-exact points with hard cuts, dissolves, fades through black and flashes.
 * Shots of the same photograph meet at some cuts, so both sides have the same colours. The
 * ground truth is the frames where the edit put the cuts.
 */
final class RealFootage {
  static final int FPS = 25;
  static final Path PHOTOS = Path.of("/usr/share/backgrounds/mate/nature");
  static final String PACKAGE = "mate-backgrounds";

  enum Motion {
    /** A slow pan, 3 px a frame. */
    SLOW,
    /** A whip pan, 40 px a frame, blurred over three frames as a camera would. */
    FAST,
    /** Handheld: the frame jitters by up to 40 px. */
    SHAKE,
    /** A fast zoom in, 2.5% a frame. */
    ZOOM
  }

  enum Join {
    CUT,
    /** A 12-frame dissolve. */
    DISSOLVE,
    /** Through black over 16 frames. */
    FADE
  }

  /** A camera move over part of a photograph, {@code frames} long, joined to the next shot. */
  record Shot(String photo, int frames, Motion motion, int x, int y, Join next) {}

  /** One video: its shots, and the frames (1-based within it) where a white flash is laid on. */
  record Video(String id, List<Shot> shots, List<Integer> flashes) {
    /** The frames where a new shot starts at a hard cut. */
    List<Integer> cutFrames() {
      return layout().cuts;
    }

    /** Frame ranges of dissolves, fades and flashes, where no cut may be reported. */
    List<int[]> notCuts() {
      List<int[]> ranges = new ArrayList<>(layout().gradual);
      for (int f : flashes) {
        ranges.add(new int[] {f, f + 1});
      }
      return ranges;
    }

    List<Double> cutTimes() {
      return cutFrames().stream().map(f -> (double) f / FPS).toList();
    }

    int frames() {
      return layout().frames;
    }

    private Layout layout() {
      Layout l = new Layout();
      for (int i = 0; i < shots.size(); i++) {
        Shot s = shots.get(i);
        Join join = i == 0 ? Join.CUT : shots.get(i - 1).next();
        int overlap = overlap(join);
        if (i > 0 && join == Join.CUT) {
          l.cuts.add(l.frames);
        } else if (i > 0) {
          l.gradual.add(new int[] {l.frames - overlap, l.frames});
        }
        l.frames += s.frames() - overlap;
      }
      return l;
    }
  }

  private static final class Layout {
    final List<Integer> cuts = new ArrayList<>();
    final List<int[]> gradual = new ArrayList<>();
    int frames;
  }

  private RealFootage() {}

  static int overlap(Join join) {
    return switch (join) {
      case CUT -> 0;
      case DISSOLVE -> 12;
      case FADE -> 16;
    };
  }

  /** Whether the photographs are installed. */
  static boolean installed() {
    return Files.isRegularFile(PHOTOS.resolve("Garden.jpg"));
  }

  static List<Video> videos() {
    return List.of(
        new Video("different-places", List.of(
            shot("Garden", 60, Motion.SLOW, 100, 200),
            shot("Storm", 45, Motion.SLOW, 400, 300),
            shot("LadyBird", 50, Motion.SLOW, 500, 350),
            shot("Dune", 40, Motion.SLOW, 200, 250),
            shot("Aqua", 55, Motion.SHAKE, 600, 400),
            shot("YellowFlower", 35, Motion.SLOW, 500, 300),
            shot("Wood", 50, Motion.SLOW, 300, 500),
            shot("TwoWings", 45, Motion.SLOW, 500, 300)), List.of(80, 230)),
        new Video("same-photo", List.of(
            shot("Garden", 40, Motion.SLOW, 0, 200),
            shot("Garden", 40, Motion.SLOW, 500, 260),
            shot("Garden", 35, Motion.SHAKE, 900, 400),
            shot("Wood", 45, Motion.SLOW, 100, 300),
            shot("Wood", 40, Motion.SLOW, 700, 600),
            shot("Wood", 30, Motion.SLOW, 400, 100),
            shot("Dune", 40, Motion.SLOW, 100, 300),
            shot("Dune", 40, Motion.SLOW, 800, 500),
            shot("Storm", 40, Motion.SLOW, 200, 200),
            shot("Storm", 40, Motion.SLOW, 900, 250)), List.of()),
        new Video("fast-motion", List.of(
            shot("Aqua", 45, Motion.FAST, 0, 300),
            shot("Garden", 40, Motion.FAST, 400, 200),
            shot("Storm", 30, Motion.SHAKE, 300, 400),
            shot("LadyBird", 45, Motion.ZOOM, 0, 0),
            shot("Blinds", 40, Motion.FAST, 100, 300),
            shot("RainDrops", 35, Motion.SHAKE, 500, 300),
            shot("YellowFlower", 40, Motion.FAST, 700, 300),
            shot("Wood", 40, Motion.ZOOM, 0, 0),
            shot("Dune", 40, Motion.FAST, 300, 300)), List.of(60, 150)),
        new Video("fast-same-photo", List.of(
            shot("Garden", 40, Motion.FAST, 0, 200),
            shot("Garden", 35, Motion.FAST, 800, 400),
            shot("Garden", 35, Motion.SHAKE, 300, 100),
            shot("Wood", 40, Motion.FAST, 100, 300),
            shot("Wood", 35, Motion.ZOOM, 0, 0),
            shot("Wood", 40, Motion.FAST, 600, 700),
            shot("Dune", 40, Motion.SHAKE, 100, 300),
            shot("Dune", 35, Motion.FAST, 700, 400),
            shot("Blinds", 40, Motion.FAST, 0, 300),
            shot("Blinds", 40, Motion.SHAKE, 900, 500)), List.of()),
        new Video("quick-shots", List.of(
            shot("Storm", 30, Motion.SLOW, 200, 200),
            shot("Aqua", 14, Motion.SLOW, 600, 400),
            shot("TwoWings", 16, Motion.SHAKE, 500, 300),
            shot("Garden", 14, Motion.FAST, 300, 300),
            shot("Garden", 18, Motion.SLOW, 900, 200),
            shot("LadyBird", 15, Motion.SLOW, 600, 400),
            shot("Dune", 20, Motion.SHAKE, 300, 200),
            shot("Dune", 14, Motion.FAST, 700, 400),
            shot("RainDrops", 16, Motion.SLOW, 400, 300),
            shot("Wood", 30, Motion.SLOW, 300, 300)), List.of()),
        new Video("dissolves-fades-flashes", List.of(
            shot("Garden", 50, Motion.SLOW, 100, 200, Join.DISSOLVE),
            shot("Storm", 50, Motion.SLOW, 400, 300),
            shot("Aqua", 50, Motion.SHAKE, 600, 400, Join.FADE),
            shot("LadyBird", 50, Motion.FAST, 200, 350),
            shot("Dune", 45, Motion.SLOW, 200, 250, Join.DISSOLVE),
            shot("Dune", 50, Motion.SLOW, 800, 400, Join.FADE),
            shot("Wood", 50, Motion.ZOOM, 0, 0),
            shot("YellowFlower", 50, Motion.FAST, 500, 300, Join.DISSOLVE),
            shot("TwoWings", 50, Motion.SLOW, 500, 300)), List.of(20, 125, 210, 300, 380)));
  }

  private static Shot shot(String photo, int frames, Motion motion, int x, int y) {
    return shot(photo, frames, motion, x, y, Join.CUT);
  }

  private static Shot shot(String photo, int frames, Motion motion, int x, int y, Join next) {
    return new Shot(photo, frames, motion, x, y, next);
  }

  /** Renders {@code video} to {@code out} (640×360 H.264, 25 fps) with ffmpeg. */
  static void render(Video video, Path out) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    StringBuilder graph = new StringBuilder();
    List<Shot> shots = video.shots();
    for (int i = 0; i < shots.size(); i++) {
      Shot s = shots.get(i);
      command.addAll(List.of("-i", PHOTOS.resolve(s.photo() + ".jpg").toString()));
      // the photograph is scaled once and repeated: cheaper than scaling every frame
      graph.append(String.format(Locale.ROOT, "[%d:v]scale=1600:-2,loop=loop=%d:size=1,"
          + "setpts=N/%d/TB,%s,noise=alls=6:allf=t,setsar=1,format=yuv420p,settb=1/%d,setpts=N[s%d];",
          i, s.frames() - 1, FPS, camera(s), FPS, i));
    }
    String acc = "s0";
    int frames = shots.get(0).frames();
    for (int i = 1; i < shots.size(); i++) {
      Join join = shots.get(i - 1).next();
      String next = "a" + i;
      if (join == Join.CUT) {
        graph.append(String.format(Locale.ROOT, "[%s][s%d]concat=n=2:v=1:a=0,settb=1/%d,setpts=N[%s];",
            acc, i, FPS, next));
      } else {
        int d = overlap(join);
        graph.append(String.format(Locale.ROOT, "[%s][s%d]xfade=transition=%s:duration=%s:offset=%s[%s];",
            acc, i, join == Join.DISSOLVE ? "fade" : "fadeblack", seconds(d), seconds(frames - d), next));
        frames -= d;
      }
      frames += shots.get(i).frames();
      acc = next;
    }
    StringBuilder flashes = new StringBuilder("null");
    for (int f : video.flashes()) {
      flashes.append(String.format(Locale.ROOT,
          ",drawbox=x=0:y=0:w=iw:h=ih:color=white@0.85:t=fill:enable='eq(n,%d)'", f));
    }
    graph.append('[').append(acc).append(']').append(flashes).append("[v]");
    command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-g", "250",
        "-pix_fmt", "yuv420p", "-r", Integer.toString(FPS), out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg could not render " + video.id() + ": " + log);
    }
  }

  /** The crop that moves the camera over the photograph (1600 px wide). */
  private static String camera(Shot s) {
    return switch (s.motion()) {
      case SLOW -> crop(s, 3, 1);
      case FAST -> crop(s, 40, 6) + ",tmix=frames=3";
      case SHAKE -> String.format(Locale.ROOT,
          "crop=640:360:x='clip(%d+28*sin(n*1.7)+12*sin(n*4.1),0,iw-ow)'"
              + ":y='clip(%d+18*sin(n*2.3),0,ih-oh)'", s.x(), s.y());
      case ZOOM -> "zoompan=z='1+0.025*on':d=1:s=640x360:fps=" + FPS
          + ":x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'";
    };
  }

  /** A pan that bounces back at the photograph's edges rather than jumping. */
  private static String crop(Shot s, int dx, int dy) {
    return String.format(Locale.ROOT,
        "crop=640:360:x='(iw-ow)-abs(mod(%d+%d*n,2*(iw-ow))-(iw-ow))'"
            + ":y='(ih-oh)-abs(mod(%d+%d*n,2*(ih-oh))-(ih-oh))'", s.x(), dx, s.y(), dy);
  }

  private static String seconds(int frames) {
    return String.format(Locale.ROOT, "%.4f", (double) frames / FPS);
  }
}
