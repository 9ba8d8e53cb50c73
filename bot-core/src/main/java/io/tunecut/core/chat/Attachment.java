package io.tunecut.core.chat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file that came with a message. Nothing is downloaded until {@link Source#open()} is
 * called (or {@link Source#prefetch()}, once the message is taken), so a file we refuse (wrong
 * format, too large, from someone the bot does not serve) costs no traffic.
 *
 * @param size bytes as the platform reports them, or -1 when unknown
 * @param mimeType as the platform reports it, or null
 */
public record Attachment(String name, long size, String mimeType, Source source) {
  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** Opens the file's bytes; each call starts a new download. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;

    /**
     * The message was taken and the file will be read soon: a platform whose file links expire
     * may start fetching it now. Never called for people the bot does not serve.
     */
    default void prefetch() {}
  }
}
