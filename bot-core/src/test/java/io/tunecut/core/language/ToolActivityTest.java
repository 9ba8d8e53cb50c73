package io.tunecut.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A backend's tool names read as progress words in the person's language, never in English inside Chinese. */
class ToolActivityTest {
  @ParameterizedTest
  @CsvSource({
      "add_music, adding music…, 正在添加音乐…",
      "add_bgm, adding music…, 正在添加音乐…",
      "setBgm, adding music…, 正在添加音乐…",
      "set_volume, setting the volume…, 正在调整音量…",
      "adjust_music_volume, setting the volume…, 正在调整音量…",
      "render, rendering…, 正在渲染…",
      "export_video, rendering…, 正在渲染…",
      "add_title, adding a title…, 正在添加标题…",
      "add_fade_out, adding a fade…, 正在添加淡入淡出…",
      "sync_to_beats, syncing to the beat…, 正在卡点…",
      "set_aspect_ratio, changing the format…, 正在更改画面比例…",
      "get_session_state, reading the timeline…, 正在读取时间线…",
      "trim_clip, cutting the clips…, 正在剪辑片段…",
      "apply_color_grade, applying color grade…, 处理中…",
      "stabilize-footage, stabilize footage…, 处理中…",
      "'{\"name\":\"x\"}', working…, 处理中…",
      "'', working…, 处理中…"})
  void toolNamesReadAsShortPhrasesInEachLanguage(String tool, String english, String chinese) {
    assertThat(Messages.of(Language.EN).activity(tool)).isEqualTo(english);
    assertThat(Messages.of(Language.ZH).activity(tool)).isEqualTo(chinese);
  }
}
