package io.tunecut.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.core.access.AccessRules;
import io.tunecut.core.access.Budget;
import io.tunecut.core.chat.ChatUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void withNothingConfiguredTheBotRunsOnTheEmbeddedStudioInTheHomeFolder() {
    Settings settings = Settings.fromEnvironment(Map.of("HOME", "/home/ann"));

    assertThat(settings.embeddedStudio()).isTrue();
    assertThat(settings.dataDir()).isEqualTo(Path.of("/home/ann", ".tunecut"));
    assertThat(settings.maxFileBytes()).isEqualTo(500L * 1024 * 1024);
    assertThat(settings.studioHost()).isEqualTo("127.0.0.1");
    assertThat(settings.nemoToken()).isNull();
  }

  @Test
  void aBackendUrlReplacesTheEmbeddedStudio() {
    Settings settings = Settings.fromEnvironment(Map.of("NEMO_API_URL", " https://backend.example ", "HOME", "/h"));

    assertThat(settings.embeddedStudio()).isFalse();
    assertThat(settings.nemoApiUrl()).isEqualTo("https://backend.example");
  }

  @Test
  void blankValuesCountAsUnset() {
    Settings settings = Settings.fromEnvironment(Map.of("NEMO_API_URL", "  ", "NEMO_TOKEN", "", "HOME", "/h"));

    assertThat(settings.embeddedStudio()).isTrue();
    assertThat(settings.nemoToken()).isNull();
  }

  @Test
  void aNumberThatIsNotOneNamesTheVariable() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_MAX_FILE_MB", "lots", "HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TUNECUT_MAX_FILE_MB")
        .hasMessageContaining("lots");
  }

  @Test
  void theCloudsRegistrationPageIsTheDefaultWhateverTheBackendsAddress() {
    // Whether people register is the backend's word (a tunecut studio says it is one), not its address's.
    for (String url : new String[] {"http://proxy.example:8750", "https://mega-api-prod.nemovideo.ai"}) {
      assertThat(Settings.fromEnvironment(Map.of("NEMO_API_URL", url, "HOME", "/h")).registerPage())
          .isEqualTo(Settings.NEMO_CLOUD_REGISTER_PAGE);
    }
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h")).registerPage()).isEqualTo(Settings.NEMO_CLOUD_REGISTER_PAGE);
  }

  @Test
  void anOperatorsRegistrationPageWinsOnAnyBackend() {
    Map<String, String> studio = Map.of("TUNECUT_REGISTER_URL", " https://signup.example/join ", "HOME", "/h");
    Map<String, String> cloud = Map.of("TUNECUT_REGISTER_URL", "https://signup.example/join",
        "NEMO_API_URL", "https://mega-api-prod.nemovideo.ai", "HOME", "/h");

    assertThat(Settings.fromEnvironment(studio).registerPage()).hasToString("https://signup.example/join");
    assertThat(Settings.fromEnvironment(cloud).registerPage()).hasToString("https://signup.example/join");
  }

  @Test
  void aRegistrationPageThatIsNoWebAddressNamesTheVariable() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_REGISTER_URL", "signup page", "HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TUNECUT_REGISTER_URL")
        .hasMessageContaining("signup page");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_REGISTER_URL", "ftp://signup.example", "HOME", "/h")))
        .hasMessageContaining("TUNECUT_REGISTER_URL");
  }

  @Test
  void withNoListsEveryoneMayUseTheBotWithoutABudgetButAtARate() {
    AccessRules rules = Settings.fromEnvironment(Map.of("HOME", "/h")).accessRules();

    assertThat(rules.allowedUsers()).isEmpty();
    assertThat(rules.allowedChats()).isEmpty();
    assertThat(rules.admins()).isEmpty();
    assertThat(rules.budget()).isEqualTo(Budget.UNLIMITED);
    assertThat(rules.messagesPerMinute()).isEqualTo(20);
  }

  @Test
  void accessListsAndBudgetsAreReadFromTheirVariables() {
    AccessRules rules = Settings.fromEnvironment(Map.of("HOME", "/h",
        "TUNECUT_ALLOWED_USERS", "telegram:101, discord:900000000000000001",
        "TUNECUT_ALLOWED_CHATS", "telegram:-1001234 discord:700000000000000003",
        "TUNECUT_ADMINS", "Telegram:999",
        "TUNECUT_BUDGET_RENDERS", "5", "TUNECUT_BUDGET_MINUTES", "30", "TUNECUT_BUDGET_CLIP_S", "120",
        "TUNECUT_BUDGET_CREDITS", "12.5", "TUNECUT_MESSAGES_PER_MINUTE", "10")).accessRules();

    assertThat(rules.allowedUsers()).containsExactlyInAnyOrder(new ChatUser("telegram", "101"), new ChatUser("discord", "900000000000000001"));
    assertThat(rules.allowedChats()).containsExactlyInAnyOrder("telegram:-1001234", "discord:700000000000000003");
    assertThat(rules.admins()).containsExactly(new ChatUser("telegram", "999"));
    assertThat(rules.budget()).isEqualTo(new Budget(5, 30, 120, 12.5));
    assertThat(rules.messagesPerMinute()).isEqualTo(10);
  }

  @Test
  void anEntryThatIsNotPlatformColonIdIsRefusedAtStart() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_ADMINS", "12345", "HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TUNECUT_ADMINS")
        .hasMessageContaining("'12345' is not platform:id");
  }

  @Test
  void theUserDirectoryIsSqliteUnlessAPostgresqlUrlIsGiven() {
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h")).databaseUrl()).isNull();
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h", "TUNECUT_DATABASE_URL", "jdbc:postgresql://db:5432/tunecut?user=bot"))
        .databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/tunecut?user=bot");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOME", "/h", "TUNECUT_DATABASE_URL", "postgres://db/tunecut")))
        .hasMessageContaining("TUNECUT_DATABASE_URL").hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void theAdminPortIsOffUnlessSetAndAWrongOneIsSaidAtStart() {
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h")).adminPort()).isEqualTo(-1);
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h", "TUNECUT_ADMIN_PORT", "9464")).adminPort()).isEqualTo(9464);
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOME", "/h", "TUNECUT_ADMIN_PORT", "70000")))
        .hasMessageContaining("TUNECUT_ADMIN_PORT");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOME", "/h", "TUNECUT_ADMIN_PORT", "admin")))
        .hasMessageContaining("TUNECUT_ADMIN_PORT");
  }

  @Test
  void ffmpegIsLookedUpOnThePathTheAppReadSoErrorsNameTheRealFile(@TempDir Path bin) throws Exception {
    Path ffmpeg = Files.writeString(bin.resolve("ffmpeg"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));

    Settings settings = Settings.fromEnvironment(Map.of("HOME", "/h", "PATH", "/nowhere:" + bin));

    assertThat(settings.ffmpeg()).isEqualTo(ffmpeg.toString());
    assertThat(settings.ffprobe()).as("not on that PATH: left to the system").isEqualTo("ffprobe");
  }
}
