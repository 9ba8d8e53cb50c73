package io.tunecut.studio.internal.preview;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A process started without fontconfig on its PATH, as on a machine with no fonts but the one in
 * our jar: warms the pictures up, then draws one with a Chinese title; says the picture's width.
 */
public final class WarmUpWithoutFonts {
  private WarmUpWithoutFonts() {}

  public static void main(String[] args) throws Exception {
    try (Sketches sketches = new Sketches(Path.of(args[0]), Ffmpeg.of("ffmpeg", "ffprobe"))) {
      TimelinePictures pictures = new TimelinePictures(sketches, file -> {
        throw new IllegalStateException("no analysis here");
      }, file -> {
        throw new IllegalStateException("no analysis here");
      });
      pictures.warmUp().join();
      Draft draft = Draft.empty().withCaptions(List.of(Caption.of("t", "Urban Dreams 城市之梦", 0, 3000, "center")));
      byte[] png = pictures.picture(draft, List.of(), true, PictureWords.ENGLISH).png();
      System.out.println("width " + ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }
  }
}
