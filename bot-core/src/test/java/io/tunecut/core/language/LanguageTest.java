package io.tunecut.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void chineseCharactersMeanChinese() {
    assertThat(Language.detect("加背景音乐", Locale.ENGLISH, Language.EN)).isEqualTo(Language.ZH);
  }

  @Test
  void wordsInLatinLettersMeanEnglish() {
    assertThat(Language.detect("add music please", Locale.CHINESE, Language.ZH)).isEqualTo(Language.EN);
  }

  @Test
  void aBareCommandKeepsTheRememberedLanguageThenThePlatformLocale() {
    assertThat(Language.detect("/export", Locale.ENGLISH, Language.ZH)).isEqualTo(Language.ZH);
    assertThat(Language.detect("/export", Locale.SIMPLIFIED_CHINESE, null)).isEqualTo(Language.ZH);
    assertThat(Language.detect("", null, null)).isEqualTo(Language.EN);
  }
}
