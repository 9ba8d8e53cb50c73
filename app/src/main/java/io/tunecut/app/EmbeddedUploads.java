package io.tunecut.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.conversation.DirectUpload;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.UploadedFile;
import io.tunecut.studio.server.ApiError;
import io.tunecut.studio.server.Studio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's attachments handed to the embedded studio from disk: linked into its media, not
 * copied over loopback HTTP. Refusals come back as the protocol's upload would answer them.
 */
final class EmbeddedUploads implements DirectUpload {
  private final Studio studio;

  EmbeddedUploads(Studio studio) {
    this.studio = studio;
  }

  @Override
  public List<UploadedFile> upload(TokenSource auth, String sessionId, List<Path> files) throws IOException {
    JsonNode data;
    try {
      data = take(auth.token(), sessionId, files);
    } catch (NemoException e) {
      if (e.code() != NemoException.TOKEN_INVALID) throw e;
      data = take(auth.renew(), sessionId, files); // expired: once more with a fresh token, as the client does
    }
    List<UploadedFile> uploaded = new ArrayList<>();
    for (JsonNode f : data.path("files")) {
      uploaded.add(new UploadedFile(f.path("filename").asText(null), f.path("file_type").asText(null),
          f.path("cdn_url").asText(null), f.path("duration").asDouble(), f.path("width").asInt(),
          f.path("height").asInt(), f.hasNonNull("fps") ? f.path("fps").asDouble() : null, f.path("hash").asText(null)));
    }
    return uploaded;
  }

  private JsonNode take(String token, String sessionId, List<Path> files) throws IOException {
    try {
      return studio.takeFiles(token, sessionId, files);
    } catch (ApiError e) {
      JsonNode details = e.details();
      String problem = details == null ? null : details.path("problem").asText(null);
      NemoException.Details said = new NemoException.Details(details == null ? null : details.path("file").asText(null),
          "format".equals(problem) ? NemoException.Problem.FORMAT
              : "unreadable".equals(problem) ? NemoException.Problem.UNREADABLE : null,
          null);
      throw new NemoException(e.code(), e.httpStatus(), e.getMessage(), e, said);
    }
  }
}
