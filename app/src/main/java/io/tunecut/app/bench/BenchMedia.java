package io.tunecut.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline flow's media, generated: a 60 s 1080p30 clip of 11 shots with someone talking
 * over a little room noise (at the start and at 25 s), and an 85 s 120 BPM track (kick,
 * off-beat hats, chords) as an MP3.
 */
record BenchMedia(Path clip, Path track) {
  private static final double[] SHOTS = {4.2, 6.1, 3.7, 5.5, 7.3, 4.8, 6.6, 3.9, 5.2, 6.0, 6.7};
  private static final String[] SOURCES = {"testsrc2", "smptebars", "rgbtestsrc", "testsrc", "smptehdbars", "yuvtestsrc"};

  static BenchMedia generate(Path dir) throws IOException, InterruptedException {
    Path speech = dir.resolve("speech.wav");
    try {
      RenderBenchmark.bare(List.of("-f", "lavfi", "-i", "flite=text='Hello everyone, welcome to the beach. "
          + "Today we walk along the coast and look at the city from the water.':voice=slt", speech.toString()));
    } catch (IOException e) {
      // An ffmpeg without a speech synthesiser: syllables of a voiced buzz stand in.
      RenderBenchmark.bare(List.of("-f", "lavfi", "-i", "aevalsrc='0.4*sin(2*PI*140*t)*sin(2*PI*280*t)"
          + "*gt(sin(2*PI*4*t),0)*sin(PI*mod(t,0.25)/0.25)':s=16000:d=6", speech.toString()));
    }
    Path clip = dir.resolve("clip.mp4");
    List<String> args = new ArrayList<>();
    StringBuilder graph = new StringBuilder();
    for (int i = 0; i < SHOTS.length; i++) {
      args.addAll(List.of("-f", "lavfi", "-t", Double.toString(SHOTS[i]), "-i",
          SOURCES[i % SOURCES.length] + "=size=1920x1080:rate=30"));
      graph.append('[').append(i).append(":v]").append(i % 2 == 1 ? "hflip," : "")
          .append("format=yuv420p,setsar=1[s").append(i).append("];");
    }
    for (int i = 0; i < SHOTS.length; i++) graph.append("[s").append(i).append(']');
    int n = SHOTS.length;
    graph.append("concat=n=").append(n).append(":v=1:a=0[v];")
        .append('[').append(n).append(":a]aresample=48000,asplit[t1][t2];[t2]adelay=25000|25000[t2d];")
        .append('[').append(n + 1).append(":a][t1][t2d]amix=inputs=3:normalize=0:duration=first,pan=stereo|c0=c0|c1=c0[a]");
    args.addAll(List.of("-i", speech.toString(), "-f", "lavfi", "-i",
        "anoisesrc=color=pink:amplitude=0.02:duration=60:sample_rate=48000:seed=3",
        "-filter_complex", graph.toString(), "-map", "[v]", "-map", "[a]", "-t", "60",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
        clip.toString()));
    RenderBenchmark.bare(args);

    Path track = dir.resolve("track.mp3");
    String kick = "0.7*sin(2*PI*(50*mod(t,0.5)+2.25*(1-exp(-40*mod(t,0.5)))))*exp(-10*mod(t,0.5))";
    String left = kick + "+0.12*sin(2*PI*220*t)*(1+0.3*sin(2*PI*0.25*t))+0.1*sin(2*PI*277*t)+0.08*sin(2*PI*330*t)"
        + "+0.05*(2*random(0)-1)*exp(-30*mod(t+0.25,0.5))";
    String right = kick + "+0.12*sin(2*PI*165*t)+0.1*sin(2*PI*247*t)+0.08*sin(2*PI*370*t)"
        + "+0.05*(2*random(1)-1)*exp(-30*mod(t+0.25,0.5))";
    RenderBenchmark.bare(List.of("-f", "lavfi", "-i", "aevalsrc='" + left + "|" + right + "':s=44100:d=85",
        "-c:a", "libmp3lame", "-b:a", "192k", track.toString()));
    return new BenchMedia(clip, track);
  }

  /** One bare ffmpeg command adding the music: picture copied, mix, loudnorm, AAC, one pass. */
  List<String> barePass(Path out) {
    return List.of("-i", clip.toString(), "-i", track.toString(), "-filter_complex",
        "[1:a]atrim=0:60,asetpts=N/SR/TB[m];[0:a][m]amix=inputs=2:normalize=0:duration=first:dropout_transition=0,"
            + "loudnorm=I=-14:TP=-1:LRA=11,aformat=sample_rates=48000:channel_layouts=stereo[a]",
        "-map", "0:v", "-map", "[a]", "-c:v", "copy", "-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart",
        out.toString());
  }
}
