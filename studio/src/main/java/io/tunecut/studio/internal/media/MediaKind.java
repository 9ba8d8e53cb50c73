package io.tunecut.studio.internal.media;

/** What a file is to the editor. {@link #wire()} is the protocol's {@code file_type}. */
public enum MediaKind {
  VIDEO("video"),
  IMAGE("image"),
  AUDIO("audio");

  private final String wire;

  MediaKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
