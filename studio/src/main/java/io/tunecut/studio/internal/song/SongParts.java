package io.tunecut.studio.internal.song;

import java.util.Optional;

/**
 * Where a song's parts start, in seconds into the track, each on a bar.
 *
 * @param chorus the loud part that repeats, when one stands out
 * @param drop the biggest rise in energy and bass after a quieter stretch, when one stands out
 * @param loudest where the loudest stretch starts; always known for a track with sound
 */
public record SongParts(Optional<Double> chorus, Optional<Double> drop, double loudest) {}
