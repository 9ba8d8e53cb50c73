package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.studio.server.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

  @Test
  void theEnvironmentNamesTheMediaStoreAndItsSecretIsNeverPrinted() {
    StudioSettings s = StudioSettings.defaults(Path.of("data")).withMedia(MediaSettings.fromEnvironment(Map.of(
        "TUNECUT_MEDIA_URL", "s3://media/tunecut", "TUNECUT_S3_ENDPOINT", "http://minio:9000",
        "TUNECUT_S3_ACCESS_KEY_ID", "studio", "TUNECUT_S3_SECRET_ACCESS_KEY", "hush-hush")));

    assertThat(s.media().s3()).isTrue();
    assertThat(s.media().endpoint()).isEqualTo("http://minio:9000");
    assertThat(s.media().region()).isEqualTo("us-east-1");
    assertThat(s.toString()).contains("s3://media/tunecut").doesNotContain("hush-hush");
    assertThat(StudioSettings.defaults(Path.of("data")).media().url()).as("the data directory by default").isNull();
    assertThatThrownBy(() -> MediaSettings.fromEnvironment(Map.of("TUNECUT_S3_ACCESS_KEY_ID", "x")))
        .hasMessageContaining("set together");
  }

  @Test
  void theEnvironmentBoundsEachStudiosCopiesInMegabytes() {
    assertThat(MediaSettings.fromEnvironment(Map.of("TUNECUT_MEDIA_COPIES_MB", "512")).copies().maxBytes())
        .isEqualTo(512L * 1024 * 1024);
    assertThat(MediaSettings.fromEnvironment(Map.of()).copies()).isEqualTo(MediaSettings.Copies.DEFAULT);
    assertThatThrownBy(() -> MediaSettings.fromEnvironment(Map.of("TUNECUT_MEDIA_COPIES_MB", "ten gigs")))
        .hasMessageContaining("TUNECUT_MEDIA_COPIES_MB must be a whole number of megabytes");
  }
}
