package io.tunecut.studio.server;

import io.tunecut.studio.internal.job.BeforeRender;
import io.tunecut.studio.internal.preview.QuickPreview;
import io.tunecut.studio.internal.preview.Sketches;
import io.tunecut.studio.internal.preview.TimelinePictures;
import java.nio.file.Path;

/** The studio's picture parts, made once at start and handed to the HTTP side. */
record Pictures(Sketches sketches, TimelinePictures timeline, QuickPreview preview, BeforeRender beforeRender,
    Path workDir) {
  PreviewApi api(Auth auth, SessionApi sessions) {
    return new PreviewApi(auth, sessions, timeline, preview, beforeRender, workDir);
  }
}
