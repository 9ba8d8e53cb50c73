package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.media.MediaInfo;
import java.nio.file.Path;

/**
 * Music played and kept as a file, not yet anyone's track: what naming it as the person's track
 * needs.
 *
 * @param mono its sound for the waveform, held until the track is handed over; null once told
 */
record Piece(String id, Path file, MediaInfo info, Beats beats, long bpm, float[] mono) {}
