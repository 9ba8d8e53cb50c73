package io.tunecut.studio.server;

import io.javalin.http.Context;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.job.BeforeRender;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.preview.PictureWords;
import io.tunecut.studio.internal.preview.QuickPreview;
import io.tunecut.studio.internal.preview.TimelinePictures;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.store.SessionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The studio's own pictures of a session, beside its state: the timeline picture and the
 * quick preview. Not part of the NemoVideo protocol; a client that gets 404 goes without.
 */
final class PreviewApi {
  private final Auth auth;
  private final SessionApi sessions;
  private final TimelinePictures pictures;
  private final QuickPreview preview;
  private final BeforeRender beforeRender;
  private final Path workDir;
  // Previews are quick but not free: one at a time, so renders keep their share of the machine.
  private final Semaphore previewing = new Semaphore(1, true);

  PreviewApi(Auth auth, SessionApi sessions, TimelinePictures pictures, QuickPreview preview,
      BeforeRender beforeRender, Path workDir) {
    this.auth = auth;
    this.sessions = sessions;
    this.pictures = pictures;
    this.preview = preview;
    this.beforeRender = beforeRender;
    this.workDir = workDir;
  }

  /**
   * {@code GET /api/preview/nemo_agent/me/<session_id>/timeline.png[?at_once=true][&lang=zh]}: drawn once the
   * beats and cuts are known; {@code at_once}, drawn now with what is known, and the header
   * {@value #PENDING} names what it is still finding. {@value #MARKS} names what a picture shows.
   */
  void timeline(Context ctx) {
    SessionRecord s = sessions.owned(ctx.pathParam("session"), auth.user(ctx));
    boolean atOnce = "true".equalsIgnoreCase(ctx.queryParam("at_once"));
    // The bot knows the language the person writes in now; the session only the one it began in.
    String language = ctx.queryParam("lang");
    PictureWords words = PictureWords.of(language == null ? s.language() : language);
    TimelinePictures.Picture picture = pictures.picture(Draft.read(SessionApi.parse(s.draft())), sessions.media(s), atOnce, words);
    ctx.header("Cache-Control", "no-store");
    if (!picture.pending().isEmpty()) ctx.header(PENDING, names(picture.pending()));
    ctx.header(MARKS, names(picture.marks()));
    ctx.status(200).contentType("image/png").result(picture.png());
  }

  static final String PENDING = "Timeline-Pending";
  static final String MARKS = "Timeline-Marks";

  private static String names(Set<TimelinePictures.Mark> marks) {
    return marks.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }

  /** {@code GET /api/preview/nemo_agent/me/<session_id>/preview.mp4}: rendered now, costs nothing. */
  void preview(Context ctx) throws IOException, InterruptedException {
    SessionRecord s = sessions.owned(ctx.pathParam("session"), auth.user(ctx));
    Draft draft = Draft.read(SessionApi.parse(s.draft()));
    if (draft.clips().isEmpty()) {
      throw ApiError.badRequest("the timeline has no clip: a preview needs at least one clip or picture");
    }
    List<Media> media = sessions.media(s);
    Map<String, Media> byId = new LinkedHashMap<>();
    for (Media m : media) byId.put(m.id(), m);
    if (!previewing.tryAcquire(2, TimeUnit.MINUTES)) {
      throw new ApiError(ApiError.BAD_REQUEST, 503, "the studio is busy with other previews: try again in a minute");
    }
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "preview-", ".mp4");
    try {
      preview.render(beforeRender.prepare(draft, media), byId, out);
      ctx.header("Cache-Control", "no-store");
      ctx.header("Content-Disposition", "inline; filename=\"preview.mp4\"");
      ctx.status(200).contentType("video/mp4").result(Files.readAllBytes(out));
    } catch (RenderFailedException e) {
      throw new ApiError(ApiError.BAD_REQUEST, 422, e.getMessage());
    } catch (RenderCancelledException e) {
      throw new ApiError(ApiError.BAD_REQUEST, 503, "the preview was stopped");
    } finally {
      previewing.release();
      Files.deleteIfExists(out);
    }
  }
}
