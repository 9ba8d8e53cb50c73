package io.tunecut.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A users.db written by tunecut before Flyway (its hand-written migrations, PRAGMA user_version 1)
 * is taken over as it is: people, their tokens, sessions, languages and pending renders survive.
 * The file in the test resources was written by that code with the secret "fixture secret".
 */
class UserStoreMigrationTest {
  private static final ChatUser ANN = new ChatUser("telegram", "101");
  private static final ChatUser BOB = new ChatUser("discord", "900000000000000002");

  @TempDir Path dataDir;

  @Test
  void aDirectoryWrittenBeforeFlywayOpensWithEverythingInItAndTakesTheNewTables() throws Exception {
    try (InputStream old = getClass().getResourceAsStream("/user/users-before-flyway.db")) {
      Files.copy(old, dataDir.resolve("users.db"));
    }

    try (var users = UserDirectory.open(dataDir, "fixture secret")) {
      UserRecord ann = users.get(ANN);
      assertThat(ann.clientId()).isEqualTo("78536936-2c6f-4beb-85c5-011b90719b39");
      assertThat(ann.token()).isEqualTo("nmv_fixture_token_ann");
      assertThat(ann.tokenExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(ann.backendUserId()).isEqualTo("backend-ann");
      assertThat(ann.sessionId()).isEqualTo("sess-ann");
      assertThat(ann.taskId()).isEqualTo("task-ann");
      assertThat(ann.language()).isEqualTo("zh");
      assertThat(ann.renders()).containsExactly(new PendingRender("render_ann_1",
          new MessageRef(new Chat("telegram", "101", false), "77"), Instant.parse("2026-12-01T10:00:00Z")));

      UserRecord bob = users.get(BOB);
      assertThat(bob.clientId()).isEqualTo("02fe97da-913d-4271-857e-eac73cd78353");
      assertThat(bob.renders()).singleElement()
          .satisfies(r -> assertThat(r.status().chat()).isEqualTo(new Chat("discord", "555", true)));
      assertThat(users.withPendingRenders()).extracting(UserRecord::user).containsExactlyInAnyOrder(ANN, BOB);

      // And it goes on working: a change is kept.
      users.update(ANN, r -> r.withRenderRemoved("render_ann_1").withSession("sess-ann-2", "task-ann-2"));
    }
    try (var users = UserDirectory.open(dataDir, "fixture secret")) {
      assertThat(users.get(ANN).sessionId()).isEqualTo("sess-ann-2");
      assertThat(users.get(ANN).token()).isEqualTo("nmv_fixture_token_ann");
      assertThat(users.withPendingRenders()).extracting(UserRecord::user).containsExactly(BOB);
    }

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("users.db"));
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT version, type FROM users_schema_history WHERE success = 1 ORDER BY installed_rank")) {
      List<String> history = new ArrayList<>();
      while (rs.next()) history.add(rs.getString(1) + " " + rs.getString(2));
      // Version 1 is the old schema, taken as it is; the tables of version 2 are new.
      assertThat(history).containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL");
    }
  }
}
