package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import org.junit.jupiter.api.Test;

class GuiWordsTest {
  private final Messages en = Messages.of(Language.EN);

  @Test
  void clickExportRunsTheExportAndIsNotAskedOfThePerson() {
    GuiWords.Translation t = GuiWords.translate("All set! Click the Export button to download. Enjoy.", en);
    assertThat(t.runExport()).isTrue();
    assertThat(t.text()).isEqualTo("All set! Enjoy.");
  }

  @Test
  void chineseExportToo() {
    GuiWords.Translation t = GuiWords.translate("完成了！请点击导出按钮。", Messages.of(Language.ZH));
    assertThat(t.runExport()).isTrue();
    assertThat(t.text()).isEqualTo("完成了！");
  }

  @Test
  void anAnswerThatIsOnlyTheExportLeavesNothingToSay() {
    assertThat(GuiWords.translate("Click Export to render it.", en).text()).isEmpty();
  }

  @Test
  void previewOpenDragAndClickBecomeChatWords() {
    String t = GuiWords.translate("You can preview it in the timeline. Open the editor to check. "
        + "Drag the clip to reorder it. Click 'Add Music' to continue.", en).text();
    assertThat(t).contains("/status").contains("tell me the change").contains("just tell me “Add Music”")
        .doesNotContainIgnoringCase("drag").doesNotContainIgnoringCase("click").doesNotContainIgnoringCase("open the editor");
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    GuiWords.Translation t = GuiWords.translate("I added lofi.mp3 at 35% and synced the cuts to the beat.", en);
    assertThat(t.text()).isEqualTo("I added lofi.mp3 at 35% and synced the cuts to the beat.");
    assertThat(t.runExport()).isFalse();
  }

  @Test
  void aSongsDropIsNoEditorWordButDroppingAFileIs() {
    String drop = "I can't add a drop or a flash here. Faster cuts on the beat give it energy: say \"make the cuts faster\".";
    assertThat(GuiWords.translate(drop, en).text()).isEqualTo(drop);
    assertThat(GuiWords.translate("Drop the file onto the timeline to add it.", en).text())
        .contains("tell me the change").doesNotContainIgnoringCase("drop");
  }
}
