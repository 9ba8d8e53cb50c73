/**
 * The parts of a song only its sound tells: the chorus (the loud part that repeats), the drop
 * (the biggest rise in energy and bass after a build) and the loudest part, each starting on a
 * bar of the track's beat analysis.
 */
package io.tunecut.studio.internal.song;
