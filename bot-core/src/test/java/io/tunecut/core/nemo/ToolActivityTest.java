package io.tunecut.core.nemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolActivityTest {
  @ParameterizedTest
  @CsvSource({
      "add_music, adding music",
      "add_bgm, adding music",
      "setBgm, adding music",
      "set_volume, setting the volume",
      "adjust_music_volume, setting the volume",
      "render, rendering",
      "export_video, rendering",
      "add_title, adding a title",
      "add_fade_out, adding a fade",
      "sync_to_beats, syncing to the beat",
      "set_aspect_ratio, changing the format",
      "get_session_state, reading the timeline",
      "trim_clip, cutting the clips",
      "apply_color_grade, applying color grade",
      "stabilize-footage, stabilize footage",
      "'{\"name\":\"x\"}', working",
      "'', working"})
  void toolNamesReadAsShortPhrases(String tool, String phrase) {
    assertThat(ToolActivity.describe(tool)).isEqualTo(phrase);
  }
}
