package io.tunecut.studio.internal.llm;

import java.util.List;
import java.util.Optional;

/** Edits of the kind the agent offers, to generate schemas from and to receive from the fake model. */
interface SampleEdits {

  enum Position { TOP, MIDDLE, BOTTOM }

  @Tool(name = "set_music_volume", value = "Sets how loud the music plays.")
  record MusicVolume(@Param(value = "percent of its own loudness", min = 0, max = 200) int percent)
      implements SampleEdits {}

  @Tool("Puts text on the video.")
  record AddText(
      @Param("the words to show, exactly as the person wrote them") String text,
      @Param("where in the frame") Position position,
      @Param(value = "seconds into the video where it appears", min = 0) Optional<Double> start,
      @Param(value = "a colour name", required = false) String colour) implements SampleEdits {}

  @Tool("Plays the clips in a new order.")
  record OrderClips(@Param("clip names in the order they should play") List<String> clips) implements SampleEdits {}

  @Tool("Turns looping of the music on or off.")
  record LoopMusic(boolean loop) implements SampleEdits {}

  @Tool("Keeps only part of the video.")
  record KeepRange(@Param(value = "seconds into the video", min = 0) double from,
      @Param(value = "seconds into the video", min = 0) double to) implements SampleEdits {
    public KeepRange {
      if (to <= from) throw new IllegalArgumentException("the end must come after the start");
    }
  }
}
