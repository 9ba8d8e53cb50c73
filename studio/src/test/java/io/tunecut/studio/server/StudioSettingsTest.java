package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StudioSettingsTest {
  @Test
  void defaultsAreLoopbackAnyPortFiveHundredMegabytesOneRenderAndSevenDayLinks() {
    StudioSettings s = StudioSettings.defaults(Path.of("data"));

    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isZero();
    assertThat(s.publicUrl()).isNull();
    assertThat(s.maxUploadBytes()).isEqualTo(500L * 1024 * 1024);
    assertThat(s.renderConcurrency()).isEqualTo(1);
    assertThat(s.renderMinutesPerDay()).isEqualTo(120);
    assertThat(s.allowPrivateUrls()).isFalse();
    assertThat(s.linkTtl()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void nonsenseIsRefusedWithTheFieldsName() {
    StudioSettings s = StudioSettings.defaults(Path.of("data"));
    assertThatThrownBy(() -> s.withRenderConcurrency(0)).hasMessageContaining("renderConcurrency");
    assertThatThrownBy(() -> s.withPort(70000)).hasMessageContaining("port");
    assertThatThrownBy(() -> s.withMaxUploadBytes(0)).hasMessageContaining("maxUploadBytes");
  }
}
