package io.tunecut.studio.ffmpeg;

import java.time.Duration;

/**
 * A finished run.
 *
 * @param stderr what ffmpeg wrote on stderr (its last 256 KiB): measuring filters
 *     (loudnorm, ebur128, volumedetect) report there
 */
public record FfmpegResult(String stderr, Duration elapsed) {}
