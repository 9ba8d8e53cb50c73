package io.tunecut.core.conversation;

import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.UploadedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An upload that skips HTTP: a studio in the same process takes the files the bot received
 * straight from its disk. It answers and refuses as the protocol's upload does (a
 * {@link io.tunecut.core.nemo.NemoException} with the backend's code); the caller keeps its files.
 * Against a remote backend there is none, and files go up over the protocol.
 */
@FunctionalInterface
public interface DirectUpload {
  List<UploadedFile> upload(TokenSource auth, String sessionId, List<Path> files) throws IOException;
}
