package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.MediaInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The studio's own pictures of a session: the timeline picture and the quick preview, for its owner only. */
class StudioPreviewTest extends StudioTestBase {
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

  record Got(int status, String type, byte[] body, String pending, String marks) {}

  Got get(Studio studio, String path, String token) throws Exception {
    Request.Builder b = new Request.Builder().url(studio.baseUrl() + path);
    if (token != null) b.header("Authorization", "Bearer " + token);
    try (Response r = CLIENT.newCall(b.build()).execute()) {
      return new Got(r.code(), r.header("Content-Type", ""), r.body().bytes(), r.header("Timeline-Pending"),
          r.header("Timeline-Marks"));
    }
  }

  @Test
  void theOwnerGetsTheTimelinePictureAndNobodyElseDoes() throws Exception {
    Studio studio = start(new ScriptedRenderer(false), s -> s);
    StudioHttp http = http(studio);
    String token = http.token("ann");
    String session = http.session(token);
    http.upload(token, session, TestMedia.clip(dataDir, "beach.mp4", 3, 320, 180), TestMedia.track(dataDir, "lofi.mp3", 4));

    Got picture = get(studio, "/api/preview/nemo_agent/me/" + session + "/timeline.png", token);
    assertThat(picture.status()).isEqualTo(200);
    assertThat(picture.type()).startsWith("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.body()));
    assertThat(image.getWidth()).isEqualTo(1280);

    assertThat(get(studio, "/api/preview/nemo_agent/me/" + session + "/timeline.png", null).status()).isEqualTo(401);
    String other = http.token("ben");
    Got refused = get(studio, "/api/preview/nemo_agent/me/" + session + "/timeline.png", other);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(new String(refused.body())).contains("1002");
  }

  @Test
  void aStudioClosedAtOnceDoesNotWaitForItsPicturesToWarmUpNorHoldsTheProcess() throws Exception {
    Studio studio = start(new ScriptedRenderer(false), s -> s);
    Thread warming = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("picture-warm-up")).findFirst().orElse(null);
    studio.close(); // while the warm-up may well still be drawing
    started.remove(studio);
    // Whatever it still does after, it can neither keep the process alive nor fail the close.
    if (warming != null) {
      assertThat(warming.isDaemon()).isTrue();
      warming.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(warming.isAlive()).as("the warm-up ends on its own").isFalse();
    }
    assertThat(get(start(new ScriptedRenderer(false), s -> s), "/livez", null).status()).as("a studio starts again").isEqualTo(200);
  }

  @Test
  void aPictureAskedAtOnceSaysWhatItLacksAndOnceTheAnalysisIsDoneItIsTheFullOne() throws Exception {
    Studio studio = start(new ScriptedRenderer(false), s -> s);
    StudioHttp http = http(studio);
    String token = http.token("ann");
    String session = http.session(token);
    // Two shots: the clip has a cut of its own to find.
    Path twoShots = TestMedia.make(dataDir.resolve("two-shots.mp4"), "-f", "lavfi", "-i",
        "color=c=0x2060ff:size=320x180:rate=30:duration=2", "-f", "lavfi", "-i",
        "color=c=0x20a040:size=320x180:rate=30:duration=2", "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]",
        "-map", "[v]", "-pix_fmt", "yuv420p");
    http.upload(token, session, twoShots);
    String path = "/api/preview/nemo_agent/me/" + session + "/timeline.png";

    Got first = get(studio, path + "?at_once=true", token);
    assertThat(first.status()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(first.body())).getWidth()).isEqualTo(1280);
    if (first.pending() != null) assertThat(first.pending().split(", ")).isSubsetOf("beats", "cuts", "thumbnails", "waveform");

    Got full = get(studio, path, token);
    assertThat(full.pending()).as("a full picture lacks nothing").isNull();
    assertThat(full.marks().split(", ")).contains("cuts", "thumbnails");
    Got again = get(studio, path + "?at_once=true", token);
    assertThat(again.pending()).as("all found: drawn at once, it is the full picture").isNull();
    assertThat(again.body()).isEqualTo(full.body());
  }

  @Test
  void aQuickPreviewIs360pAsLongAsTheTimelineAndCostsNoRenderMinutes() throws Exception {
    Studio studio = start(new ScriptedRenderer(false), s -> s);
    StudioHttp http = http(studio);
    String token = http.token("ann");
    String session = http.session(token);
    http.upload(token, session, TestMedia.clip(dataDir, "beach.mp4", 4, 1280, 720));
    double before = http.get("/api/credits/balance/simple", token).data().path("available").asDouble();

    Got preview = get(studio, "/api/preview/nemo_agent/me/" + session + "/preview.mp4", token);

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.type()).startsWith("video/mp4");
    Path file = Files.write(dataDir.resolve("preview.mp4"), preview.body());
    MediaInfo info = new FfprobeMediaProbe(TestMedia.FFMPEG).probe(file, "preview.mp4");
    assertThat(info.height()).isEqualTo(360);
    assertThat(info.width()).isEqualTo(640);
    assertThat(info.durationSeconds()).isBetween(3.8, 4.2);
    assertThat(info.hasAudio()).isTrue();
    assertThat(http.get("/api/credits/balance/simple", token).data().path("available").asDouble()).isEqualTo(before);
  }

  @Test
  void anEmptyTimelineHasNoPreviewAndSaysWhy() throws Exception {
    Studio studio = start(new ScriptedRenderer(false), s -> s);
    StudioHttp http = http(studio);
    String token = http.token("ann");
    String session = http.session(token);
    Got preview = get(studio, "/api/preview/nemo_agent/me/" + session + "/preview.mp4", token);
    assertThat(preview.status()).isEqualTo(400);
    assertThat(new String(preview.body())).contains("no clip");
  }
}
