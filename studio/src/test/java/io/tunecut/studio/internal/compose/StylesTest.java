package io.tunecut.studio.internal.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What people call the styles, in English and Chinese, and how "calmer" and "livelier" move between them. */
class StylesTest {
  @Test
  void thereAreAtLeastSixStylesEachWithAChineseNameAndUpbeatPopIsTheDefault() {
    assertThat(Styles.all()).extracting(Style::name)
        .contains("lo-fi", "upbeat pop", "cinematic", "ambient", "acoustic", "electronic");
    assertThat(Styles.all()).allSatisfy(s -> assertThat(s.chinese()).isNotBlank());
    assertThat(Styles.standard().name()).isEqualTo("upbeat pop");
  }

  @Test
  void aStyleIsFoundByTheWordsPeopleUse() {
    assertThat(name("make it lo-fi")).contains("lo-fi");
    assertThat(name("something more epic please")).contains("cinematic");
    assertThat(name("chill lofi beats")).contains("lo-fi");
    assertThat(name("来点史诗感的音乐")).contains("cinematic");
    assertThat(name("换成电子音乐")).contains("electronic");
    assertThat(name("欢快一点")).contains("upbeat pop");
    assertThat(name("轻松的配乐")).contains("lo-fi");
    assertThat(name("氛围感")).contains("ambient");
    assertThat(name("用吉他")).contains("acoustic");
  }

  @Test
  void aWordInsideAnotherWordIsNotAStyle() {
    assertThat(name("popcorn and a movie")).contains("cinematic");
    assertThat(name("add background music")).isEmpty();
    assertThat(name("")).isEmpty();
  }

  @Test
  void calmerIsSlowerAndLivelierIsFaster() {
    Style pop = Styles.standard();
    Style calmer = Styles.calmerThan(pop);
    Style livelier = Styles.livelierThan(pop);

    assertThat(calmer.maxBpm()).isLessThan(pop.maxBpm());
    assertThat(livelier.minBpm()).isGreaterThan(pop.minBpm());
    Style calmest = Styles.named("ambient");
    assertThat(Styles.calmerThan(calmest)).isEqualTo(calmest);
  }

  private static Optional<String> name(String words) {
    return Styles.find(words).map(Style::name);
  }
}
