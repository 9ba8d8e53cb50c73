package io.tunecut.studio.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.internal.draft.Look;
import io.tunecut.studio.internal.draft.Transition;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The timeline picture as a person sees it: what is where, and that it reads. */
class TimelinePicturesTest {
  @TempDir static Path dir;
  static Sample sample;
  static TimelinePictures pictures;
  static BufferedImage picture;
  static TimelineDrawing.Layout at;

  @BeforeAll
  static void draw() throws Exception {
    sample = new Sample(dir);
    pictures = sample.pictures();
    byte[] png = pictures.png(sample.draft("城市之梦"), sample.media());
    picture = ImageIO.read(new ByteArrayInputStream(png));
    // Kept in the build output, to look at.
    ImageIO.write(picture, "png", Path.of("target", "timeline-picture.png").toFile());
    at = pictures.drawing(sample.draft("城市之梦"), sample.media()).layout();
  }

  /** Where {@code ms} of the 10 s timeline is drawn. */
  static int x(double ms) {
    return (int) Math.round(28 + (1280 - 56) * ms / 10_000);
  }

  @Test
  void isAPngAtMost1280WideAndAsTallAsItsParts() {
    assertThat(picture.getWidth()).isEqualTo(1280);
    assertThat(picture.getHeight()).isBetween(400, 800).isEqualTo(at.height());
  }

  @Test
  void thumbnailColumnsDifferWhereTheClipsDifferAndAgreeWithinTheSameClip() {
    int row = at.videoTop() + 40;
    Color pattern = average(x(1500), x(2500), row, row + 40);
    Color sky1 = average(x(6800), x(7600), row, row + 40);
    Color sky2 = average(x(8400), x(9200), row, row + 40);
    assertThat(distance(sky1, sky2)).as("the same plain clip").isLessThan(20);
    assertThat(distance(pattern, sky1)).as("two different clips").isGreaterThan(60);
    assertThat(sky1.getBlue()).isGreaterThan(sky1.getRed() + 100);
  }

  @Test
  void inBlackAndWhiteTheThumbnailsAndTheFrameAreGreyAsTheRenderWillBe() throws Exception {
    Draft grey = sample.draft("城市之梦");
    grey = grey.withOutput(grey.output().withLook(Look.BLACK_AND_WHITE));
    BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(pictures.png(grey, sample.media())));
    int row = at.videoTop() + 40;
    Color sky = average(drawn, x(6800), x(7600), row, row + 40);
    assertThat(Math.abs(sky.getBlue() - sky.getRed())).as("the blue sky clip, grey").isLessThan(6);
    Rectangle box = at.frame();
    Color frame = average(drawn, box.x + 4, box.x + box.width - 4, box.y + 4, box.y + box.height - 4);
    assertThat(Math.abs(frame.getBlue() - frame.getRed()) + Math.abs(frame.getGreen() - frame.getRed())).as("the frame's first picture").isLessThan(10);
  }

  @Test
  void theFrameShapeShowsTheFirstClipFillingIt() {
    Rectangle box = at.frame();
    assertThat((double) box.width / box.height).as("16:9").isCloseTo(16 / 9.0, within(0.05));
    Color inside = average(box.x + 6, box.x + box.width - 6, box.y + 6, box.y + box.height - 6);
    Color clip = average(28, 28 + 192, at.videoTop() + 2, at.videoBottom() - 32); // its first thumbnail
    assertThat(distance(inside, clip)).as("the first clip's picture, not an empty box").isLessThan(40);
  }

  @Test
  void inATallFrameAWideClipSitsWholeOverItsBlurredSelfOrBlackBars() throws Exception {
    Draft tall = sample.draft("tall").withOutput(Draft.empty().output().withAspect(Aspect.PORTRAIT));
    BufferedImage blurred = ImageIO.read(new ByteArrayInputStream(pictures.png(tall, sample.media())));
    Draft barred = tall.withOutput(tall.output().withFill(Fill.BARS));
    BufferedImage bars = ImageIO.read(new ByteArrayInputStream(pictures.png(barred, sample.media())));
    ImageIO.write(blurred, "png", Path.of("target", "timeline-picture-portrait.png").toFile());
    Rectangle box = pictures.drawing(tall, sample.media()).layout().frame();

    assertThat((double) box.width / box.height).as("9:16").isCloseTo(9 / 16.0, within(0.05));
    int middle = box.y + box.height / 2;
    int band = box.y + box.height / 8;
    Color centre = average(blurred, box.x + 4, box.x + box.width - 4, middle - 3, middle + 3);
    Color blurBand = average(blurred, box.x + 4, box.x + box.width - 4, band - 3, band + 3);
    Color barBand = average(bars, box.x + 4, box.x + box.width - 4, band - 3, band + 3);
    assertThat(brightness(barBand)).as("black bars above the clip").isLessThan(10);
    assertThat(brightness(blurBand)).as("its blurred copy, dimmed, above it").isGreaterThan(brightness(barBand) + 15)
        .isLessThan(brightness(centre));
  }

  @Test
  void theCutIsMarkedBetweenTheClips() {
    int cut = x(6000);
    Color line = new Color(picture.getRGB(cut, at.videoTop() + 60));
    assertThat(line.getRed()).isGreaterThan(200);
    assertThat(line.getGreen()).isGreaterThan(150);
    assertThat(line.getBlue()).isLessThan(120);
  }

  @Test
  void aCrossfadeShowsTheClipBeforeFadingIntoTheNextAndASpeedIsLabelled() throws Exception {
    Draft cuts = sample.draft("城市之梦");
    Clip sky = cuts.clips().get(1);
    Draft faded = cuts.withClips(List.of(cuts.clips().get(0),
            new Clip(sky.id(), sky.src(), "天空.mp4", sky.kind(), sky.durationMs(), sky.inMs(), sky.level(), 2.0, null)))
        .withTransition(Transition.crossfade(1000));
    BufferedImage hard = pictures.draw(cuts, sample.media());
    BufferedImage soft = pictures.draw(faded, sample.media());
    ImageIO.write(soft, "png", Path.of("target", "timeline-picture-crossfade.png").toFile());

    int row0 = at.videoTop() + 24; // under the bracket, above the name band
    int row1 = at.videoBottom() - 32;
    Color pattern = average(hard, x(5000), x(5800), row0, row1);
    Color blueAtCut = average(hard, x(6050), x(6300), row0, row1);
    Color fadingOut = average(soft, x(6050), x(6300), row0, row1);
    Color fadingIn = average(soft, x(6700), x(6950), row0, row1);
    assertThat(distance(blueAtCut, average(hard, x(7500), x(8000), row0, row1))).as("hard cut: the next clip at once").isLessThan(20);
    assertThat(distance(fadingOut, blueAtCut)).as("early in the crossfade the clip before still shows").isGreaterThan(60);
    assertThat(distance(fadingOut, pattern)).isLessThan(distance(blueAtCut, pattern));
    assertThat(distance(fadingIn, blueAtCut)).as("late in it, mostly the next clip").isLessThan(distance(fadingOut, blueAtCut));
    assertThat(distance(average(soft, x(7300), x(8000), row0, row1), average(hard, x(7300), x(8000), row0, row1)))
        .as("after the crossfade, the clip as before").isLessThan(12);
    // the header says so, in words a person reads
    assertThat(ink(soft, 500, 900, 20, 100)).as("'· crossfades 1 s' in the header").isGreaterThan(ink(hard, 500, 900, 20, 100) + 200);
    // a light badge with "2×" in the sped-up clip's top left, after the crossfade's bracket
    long badge = 0;
    for (int y = at.videoTop() + 8; y < at.videoTop() + 34; y++) {
      for (int x = x(7000); x < x(8000); x++) if (distance(new Color(soft.getRGB(x, y)), new Color(0x8be9fd)) < 30) badge++;
    }
    assertThat(badge).as("the speed badge").isGreaterThan(300);
    assertThat(TimelineDrawing.times(2)).isEqualTo("2×");
    assertThat(TimelineDrawing.times(0.5)).isEqualTo("0.5×");
    assertThat(TimelineDrawing.times(1.25)).isEqualTo("1.25×");
  }

  private static long ink(BufferedImage image, int x0, int x1, int y0, int y1) {
    long n = 0;
    for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (new Color(image.getRGB(x, y)).getRed() > 120) n++;
    return n;
  }

  @Test
  void aCutInsideAClipIsMarkedToo() throws Exception {
    Path twoShots = TestMedia.make(dir.resolve("two-shots.mp4"), "-f", "lavfi", "-i",
        "color=c=0x2060ff:size=640x360:rate=30:duration=2", "-f", "lavfi", "-i",
        "color=c=0x20a040:size=640x360:rate=30:duration=2", "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]",
        "-map", "[v]", "-pix_fmt", "yuv420p");
    Media clip = new Media("med_two", "two-shots.mp4", new FfprobeMediaProbe(FFMPEG).probe(twoShots, "two-shots.mp4"),
        twoShots);
    Draft draft = Draft.empty().withClips(List.of(new Clip("c1", clip.id(), "two-shots.mp4", "video", 4000, 0, 1.0, null)));

    BufferedImage drawn = pictures.draw(draft, List.of(clip));

    int top = pictures.drawing(draft, List.of(clip)).layout().videoTop() + 60;
    Color atTheCut = new Color(drawn.getRGB((int) Math.round(28 + (1280 - 56) * 2000 / 4000.0), top));
    assertThat(atTheCut.getRed()).as("the cut's line").isGreaterThan(200);
    Color firstShot = new Color(drawn.getRGB((int) Math.round(28 + (1280 - 56) * 1000 / 4000.0), top));
    assertThat(firstShot.getBlue()).as("no line within a shot").isGreaterThan(firstShot.getRed() + 100);
  }

  /** Pictures whose track's beats are found once {@code found} opens; the clips' cuts are known. */
  private static TimelinePictures findingBeatsUntil(CountDownLatch found) {
    sample.analysis.cuts(sample.pattern.file());
    sample.analysis.cuts(sample.blue.file());
    return new TimelinePictures(new Sketches(dir.resolve("pictures"), FFMPEG), file -> {
      try {
        found.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return sample.analysis.beats(file);
    }, sample.analysis::cuts);
  }

  @Test
  @Timeout(60)
  void drawnAtOnceItSaysItIsStillWorkingOutTheBeatsAndTheFullPictureShowsThem() throws Exception {
    CountDownLatch found = new CountDownLatch(1);
    TimelinePictures waiting = findingBeatsUntil(found);
    Draft draft = sample.draft("城市之梦");

    // The beats are still being found: this returns now, and says so.
    TimelinePictures.Picture first = waiting.picture(draft, sample.media(), true, PictureWords.ENGLISH);
    found.countDown();
    TimelinePictures.Picture full = waiting.picture(draft, sample.media(), false, PictureWords.ENGLISH);

    assertThat(first.pending()).containsExactly(TimelinePictures.Mark.BEATS);
    assertThat(first.marks()).doesNotContain(TimelinePictures.Mark.BEATS);
    assertThat(full.pending()).isEmpty();
    assertThat(full.marks()).contains(TimelinePictures.Mark.BEATS);
    BufferedImage atOnce = ImageIO.read(new ByteArrayInputStream(first.png()));
    BufferedImage complete = ImageIO.read(new ByteArrayInputStream(full.png()));
    ImageIO.write(atOnce, "png", Path.of("target", "timeline-picture-at-once.png").toFile());
    // The note is the only white in the beat row; the full picture has beat lines there instead.
    IntPredicate white = rgb -> new Color(rgb).getRed() > 200 && new Color(rgb).getGreen() > 200 && new Color(rgb).getBlue() > 200;
    int row = at.videoBottom() + 10;
    assertThat(count(atOnce, row, at.musicTop(), 28, 400, white)).as("'still working out the beats…' under the clips").isGreaterThan(40);
    assertThat(count(complete, row, at.musicTop(), 28, 400, white)).isZero();
    IntPredicate beatLine = rgb -> new Color(rgb).getRed() > 200 && new Color(rgb).getBlue() < 120;
    assertThat(count(complete, row, at.musicTop(), 28, 1252, beatLine)).as("the downbeats").isGreaterThan(20);
    assertThat(count(atOnce, row, at.musicTop(), 28, 1252, beatLine)).as("no beats drawn as if there were none").isZero();
  }

  @Test
  void thumbnailsAndAWaveformStillBeingMadeAreSaidOverTheBeatsFound() throws Exception {
    TimelinePictures unsketched = new TimelinePictures(new Sketches(dir.resolve("fresh-pictures"), FFMPEG),
        sample.analysis::beats, sample.analysis::cuts);
    sample.analysis.beats(sample.track.file());

    TimelinePictures.Picture first = unsketched.picture(sample.draft("城市之梦"), sample.media(), true, PictureWords.ENGLISH);

    assertThat(first.pending()).contains(TimelinePictures.Mark.THUMBNAILS, TimelinePictures.Mark.WAVEFORM)
        .doesNotContain(TimelinePictures.Mark.BEATS);
    BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(first.png()));
    int row = at.videoBottom() + 10;
    IntPredicate white = rgb -> new Color(rgb).getRed() > 200 && new Color(rgb).getGreen() > 200 && new Color(rgb).getBlue() > 200;
    IntPredicate downbeat = rgb -> new Color(rgb).getRed() > 200 && new Color(rgb).getBlue() < 120;
    assertThat(count(drawn, row, at.musicTop(), 28, 300, white)).as("the note").isGreaterThan(40);
    assertThat(count(drawn, row, at.musicTop(), 28, 300, downbeat)).as("no beat line through the note").isZero();
    assertThat(count(drawn, row, at.musicTop(), 600, 1252, downbeat)).as("the beats found, beside it").isGreaterThan(20);
  }

  @Test
  void drawnAtOnceWithEverythingKnownItIsTheFullPicture() {
    TimelinePictures.Picture atOnce = pictures.picture(sample.draft("城市之梦"), sample.media(), true, PictureWords.ENGLISH);
    assertThat(atOnce.pending()).isEmpty();
    assertThat(atOnce.marks()).contains(TimelinePictures.Mark.BEATS);
    assertThat(atOnce.png()).isEqualTo(pictures.png(sample.draft("城市之梦"), sample.media()));
  }

  @Test
  void warmingUpAtStartChangesNoPictureAndTouchesNoOnesFiles() throws Exception {
    Path own = dir.resolve("warm-up-pictures");
    TimelinePictures warmed = new TimelinePictures(new Sketches(own, FFMPEG), sample.analysis::beats, sample.analysis::cuts);
    warmed.warmUp().get(60, TimeUnit.SECONDS);
    assertThat(own).isEmptyDirectory();
    // Same thumbnails and analyses as the others: the pictures must be the same, byte for byte.
    Path sketched = dir.resolve("pictures");
    TimelinePictures same = new TimelinePictures(new Sketches(sketched, FFMPEG), sample.analysis::beats, sample.analysis::cuts);
    same.warmUp().get(60, TimeUnit.SECONDS);
    assertThat(same.png(sample.draft("城市之梦"), sample.media())).isEqualTo(pictures.png(sample.draft("城市之梦"), sample.media()));
  }

  @Test
  @Timeout(120)
  void withoutFontconfigTheWarmUpStillEndsAndPicturesAreStillDrawn() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        WarmUpWithoutFonts.class.getName(), dir.resolve("no-fonts").toString()).redirectErrorStream(true);
    child.environment().put("PATH", dir.resolve("no-programs").toString()); // no fc-match to ask
    Process p = child.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("width 1280").doesNotContain("could not warm up")
        .as("it drew with the font in our jar alone").contains("no installed font can draw");
  }

  private static long count(BufferedImage image, int y0, int y1, int x0, int x1, IntPredicate ink) {
    long n = 0;
    for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (ink.test(image.getRGB(x, y))) n++;
    return n;
  }

  @Test
  void theMusicLaneHoldsAWaveformThatFollowsTheFadesAndTheDucking() {
    double full = waveHeight(x(2500), x(3800));
    assertThat(full).as("the waveform between the fade in and the ducking").isGreaterThan(30);
    assertThat(waveHeight(x(4300), x(5700))).as("ducked 12 dB").isLessThan(full * 0.5);
    assertThat(waveHeight(x(50), x(500))).as("fading in").isLessThan(full * 0.5);
    assertThat(waveHeight(x(9500), x(9950))).as("fading out").isLessThan(full * 0.5);
  }

  @Test
  void fadesAndDuckedStretchesAreShaded() {
    Color plain = new Color(picture.getRGB(x(3000), at.musicBottom() - 12));
    Color ducked = new Color(picture.getRGB(x(5000), at.musicBottom() - 12));
    Color fading = new Color(picture.getRGB(x(9700), at.musicBottom() - 30));
    assertThat(ducked.getBlue()).as("ducked: shaded violet").isGreaterThan(plain.getBlue() + 25);
    assertThat(fading.getRed()).as("fade: shaded orange").isGreaterThan(plain.getRed() + 25);
  }

  @Test
  @Timeout(60)
  void manyNewTracksAtOnceAreAnalysedAFewAtATimeAndEveryFullPictureStillComes() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    TimelinePictures busy = new TimelinePictures(new Sketches(dir.resolve("busy-pictures"), FFMPEG), file -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return sample.analysis.beats(sample.track.file());
    }, sample.analysis::cuts);
    sample.analysis.cuts(sample.pattern.file());
    sample.analysis.cuts(sample.blue.file());
    int tracks = TimelinePictures.ANALYSES_AT_ONCE + 4;
    List<List<Media>> uploads = new ArrayList<>();
    for (int i = 0; i < tracks; i++) {
      Path copy = Files.copy(sample.track.file(), dir.resolve("song-" + i + ".mp3"));
      uploads.add(List.of(sample.pattern, sample.blue,
          new Media(sample.track.id(), "song-" + i + ".mp3", sample.track.info(), copy)));
    }

    for (List<Media> upload : uploads) {
      assertThat(busy.picture(sample.draft("Day 1"), upload, true, PictureWords.ENGLISH).pending()).contains(TimelinePictures.Mark.BEATS);
    }
    while (running.get() < TimelinePictures.ANALYSES_AT_ONCE) Thread.onSpinWait();
    assertThat(most.get()).as("analyses side by side").isEqualTo(TimelinePictures.ANALYSES_AT_ONCE);
    release.countDown();

    for (List<Media> upload : uploads) {
      assertThat(busy.picture(sample.draft("Day 1"), upload, false, PictureWords.ENGLISH).marks()).contains(TimelinePictures.Mark.BEATS);
    }
    assertThat(most.get()).isLessThanOrEqualTo(TimelinePictures.ANALYSES_AT_ONCE);
  }

  @Test
  @Timeout(60)
  void toSomeoneWritingChineseThePictureSaysInChineseWhatItIsStillWorkingOut() throws Exception {
    CountDownLatch found = new CountDownLatch(1);
    TimelinePictures waiting = findingBeatsUntil(found);
    Draft draft = sample.draft("城市之梦");

    BufferedImage english = ImageIO.read(new ByteArrayInputStream(waiting.picture(draft, sample.media(), true, PictureWords.ENGLISH).png()));
    BufferedImage chinese = ImageIO.read(new ByteArrayInputStream(waiting.picture(draft, sample.media(), true, PictureWords.of("zh-CN")).png()));
    found.countDown();
    ImageIO.write(chinese, "png", Path.of("target", "timeline-picture-at-once-zh.png").toFile());

    IntPredicate white = rgb -> new Color(rgb).getRed() > 200 && new Color(rgb).getGreen() > 200 && new Color(rgb).getBlue() > 200;
    int row = at.videoBottom() + 10;
    assertThat(count(chinese, row, at.musicTop(), 28, 400, white)).as("'正在分析节拍…' under the clips").isGreaterThan(40);
    // "正在分析节拍…" is six characters; "still working out the beats…" needs far more room.
    assertThat(count(chinese, row, at.musicTop(), 260, 400, white)).isZero();
    assertThat(count(english, row, at.musicTop(), 260, 400, white)).isGreaterThan(10);
    assertThat(PictureWords.of("en")).isEqualTo(PictureWords.ENGLISH);
    assertThat(PictureWords.of(null)).isEqualTo(PictureWords.ENGLISH);
  }

  @Test
  void aChineseTitleIsDrawnAsGlyphsNotBoxes() throws Exception {
    BufferedImage boxes = pictures.draw(sample.draft("□□□□"), sample.media());
    int top = at.textTop();
    // The title's bar is white: its ink is the dark text on it.
    IntPredicate ink = rgb -> new Color(rgb).getRed() < 90;
    Set<Long> glyphs = new HashSet<>();
    int glyphWidth = 24;
    int start = x(0) + 8 + 20; // after "T "
    long inkChinese = 0;
    for (int k = 0; k < 4; k++) {
      long shape = 0;
      for (int y = top + 6; y < top + 36; y++) {
        for (int x = start + k * glyphWidth; x < start + (k + 1) * glyphWidth; x++) {
          if (ink.test(picture.getRGB(x, y))) {
            shape = shape * 31 + (long) (x - start - k * glyphWidth) * 64 + (y - top);
            inkChinese++;
          }
        }
      }
      glyphs.add(shape);
    }
    assertThat(inkChinese).as("the title has ink").isGreaterThan(300);
    assertThat(glyphs).as("four different characters, not four boxes").hasSize(4);
    assertThat(count(picture, top, ink)).isNotEqualTo(count(boxes, top, ink));
  }

  private static long count(BufferedImage image, int top, IntPredicate ink) {
    long n = 0;
    for (int y = top; y < top + 38; y++) for (int x = x(0); x < x(3000); x++) if (ink.test(image.getRGB(x, y))) n++;
    return n;
  }

  /** The tallest column of the heard waveform (its colour) over {@code [a, b)}. */
  private static double waveHeight(int a, int b) {
    int tallest = 0;
    for (int x = a; x < b; x++) {
      int column = 0;
      for (int y = at.musicTop(); y < at.musicBottom(); y++) {
        if (distance(new Color(picture.getRGB(x, y)), TimelineDrawing.WAVE) < 60) column++;
      }
      tallest = Math.max(tallest, column);
    }
    return tallest;
  }

  private static double brightness(Color c) {
    return (c.getRed() + c.getGreen() + c.getBlue()) / 3.0;
  }

  private static Color average(int x0, int x1, int y0, int y1) {
    return average(picture, x0, x1, y0, y1);
  }

  private static Color average(BufferedImage picture, int x0, int x1, int y0, int y1) {
    long r = 0;
    long gr = 0;
    long bl = 0;
    long n = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        Color c = new Color(picture.getRGB(x, y));
        r += c.getRed();
        gr += c.getGreen();
        bl += c.getBlue();
        n++;
      }
    }
    return new Color((int) (r / n), (int) (gr / n), (int) (bl / n));
  }

  private static double distance(Color a, Color b) {
    return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
        + Math.pow(a.getBlue() - b.getBlue(), 2));
  }
}
