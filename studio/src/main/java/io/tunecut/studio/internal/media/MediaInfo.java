package io.tunecut.studio.internal.media;

/**
 * What ffprobe told us about a file we accepted. Width and height are as displayed (rotation
 * already applied); an image's duration is 0; {@code audioChannels} is 0 without sound.
 */
public record MediaInfo(
    MediaKind kind,
    double durationSeconds,
    int width,
    int height,
    double fps,
    int rotation,
    int audioChannels,
    String videoCodec,
    String audioCodec,
    String container) {
  public boolean hasAudio() {
    return audioChannels > 0;
  }
}
