package io.tunecut.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
  private static final String TOKEN = "nmv_tok_3f9a1c77e2b04d5f8e6a";
  private static final ChatUser ANN = new ChatUser("telegram", "1001");
  private static final ChatUser BOB = new ChatUser("discord", "2002");
  private static final Chat GROUP = new Chat("telegram", "-100555", true);

  @TempDir Path dataDir;

  @Test
  void aNewUserGetsAClientIdThatNeverChanges() throws IOException {
    String clientId;
    try (var users = UserDirectory.open(dataDir, null)) {
      UserRecord first = users.get(ANN);
      clientId = first.clientId();
      assertThat(clientId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(first.token()).isNull();
      assertThat(first.renders()).isEmpty();
      assertThat(users.get(ANN).clientId()).isEqualTo(clientId);
      assertThat(users.update(ANN, r -> r.withSession("ses_1", "task_1")).clientId()).isEqualTo(clientId);
      assertThat(users.get(BOB).clientId()).isNotEqualTo(clientId);
    }
    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(ANN).clientId()).isEqualTo(clientId);
    }
  }

  @Test
  void theSameIdOnAnotherPlatformIsAnotherPerson() throws IOException {
    try (var users = UserDirectory.open(dataDir, null)) {
      users.update(new ChatUser("telegram", "42"), r -> r.withLanguage("zh"));
      UserRecord onDiscord = users.get(new ChatUser("discord", "42"));
      assertThat(onDiscord.language()).isNull();
      assertThat(onDiscord.clientId()).isNotEqualTo(users.get(new ChatUser("telegram", "42")).clientId());
    }
  }

  @Test
  void aRestartLosesNothingIncludingPendingRendersAndTheMessagesTheyReportTo() throws IOException {
    Instant expires = Instant.parse("2026-11-22T10:15:30.123456789Z");
    var first = new PendingRender("rnd_1", new MessageRef(GROUP, "77"), Instant.parse("2026-11-21T00:01:02.5Z"));
    var second = new PendingRender("rnd_2", new MessageRef(new Chat("discord", "chan-9", false), "{\"m\":88,\"t\":\"x\"}"),
        Instant.parse("2026-11-21T00:03:00Z"));
    UserRecord before;
    try (var users = UserDirectory.open(dataDir, null)) {
      users.get(BOB);
      before = users.update(ANN, r -> r.withToken(TOKEN, expires, "anon_55")
          .withSession("ses_9", "task_9").withLanguage("zh").withRenderAdded(first).withRenderAdded(second));
    }

    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(ANN)).isEqualTo(before);
      assertThat(users.withPendingRenders()).containsExactly(before);
      assertThat(users.get(ANN).renders()).containsExactly(first, second);
      assertThat(users.get(BOB).renders()).isEmpty();
    }
  }

  @Test
  void deliveredRendersAreNoLongerPending() throws IOException {
    var render = new PendingRender("rnd_1", new MessageRef(GROUP, "77"), Instant.now());
    try (var users = UserDirectory.open(dataDir, null)) {
      users.update(ANN, r -> r.withRenderAdded(render));
      users.update(BOB, r -> r.withRenderAdded(render));
      assertThat(users.withPendingRenders()).extracting(UserRecord::user).containsExactlyInAnyOrder(ANN, BOB);

      users.update(ANN, r -> r.withRenderRemoved("rnd_1"));
      assertThat(users.withPendingRenders()).extracting(UserRecord::user).containsExactly(BOB);
    }
  }

  @Test
  void pendingRendersAreFoundForUsersNoLongerInMemory() throws IOException {
    try (var users = UserDirectory.open(dataDir, null, 10)) {
      for (int i = 0; i < 50; i++) {
        var render = new PendingRender("rnd_" + i, new MessageRef(GROUP, "m" + i), Instant.now());
        users.update(new ChatUser("telegram", "u" + i), r -> r.withRenderAdded(render));
      }
      assertThat(users.cachedUsers()).isLessThanOrEqualTo(10);
      assertThat(users.withPendingRenders()).hasSize(50);
    }
  }

  @Test
  void tokensOnDiskAreNotReadableAsPlainText() throws IOException {
    try (var users = UserDirectory.open(dataDir, null)) {
      users.update(ANN, r -> r.withToken(TOKEN, Instant.now().plusSeconds(3600), "anon_1").withSession("ses_visible", null));
      users.update(BOB, r -> r.withToken(TOKEN, Instant.now().plusSeconds(3600), "anon_2"));
      // While open the rows sit in the write-ahead log.
      assertThat(storeFiles()).anyMatch(f -> f.getFileName().toString().endsWith("-wal"));
      assertThat(rawStoreBytes()).contains("ses_visible").doesNotContain(TOKEN);
    }
    assertThat(rawStoreBytes()).contains("ses_visible").doesNotContain(TOKEN);
    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(ANN).token()).isEqualTo(TOKEN);
    }
  }

  @Test
  void theSameSecretReadsTokensBackAndNeedsNoKeyFile() throws IOException {
    try (var users = UserDirectory.open(dataDir, "correct horse battery staple")) {
      users.update(ANN, r -> r.withToken(TOKEN, Instant.now().plusSeconds(60), "anon_1"));
    }
    try (var users = UserDirectory.open(dataDir, "correct horse battery staple")) {
      assertThat(users.get(ANN).token()).isEqualTo(TOKEN);
    }
    assertThat(dataDir.resolve("secret.key")).doesNotExist();
  }

  @Test
  void anotherSecretReadsTheTokenAsAbsentKeepsTheRestAndWarnsWithoutTheToken() throws IOException {
    UserRecord before;
    try (var users = UserDirectory.open(dataDir, "first secret")) {
      before = users.update(ANN, r -> r.withToken(TOKEN, Instant.now().plusSeconds(60), "anon_7")
          .withSession("ses_1", "task_1").withLanguage("en")
          .withRenderAdded(new PendingRender("rnd_1", new MessageRef(GROUP, "5"), Instant.now())));
    }
    try (var logs = LogCapture.start(); var users = UserDirectory.open(dataDir, "second secret")) {
      UserRecord after = users.get(ANN);
      assertThat(after.token()).isNull();
      assertThat(after.tokenExpiresAt()).isNull();
      assertThat(after.clientId()).isEqualTo(before.clientId());
      assertThat(after.backendUserId()).isEqualTo("anon_7");
      assertThat(after.sessionId()).isEqualTo("ses_1");
      assertThat(after.taskId()).isEqualTo("task_1");
      assertThat(after.language()).isEqualTo("en");
      assertThat(after.renders()).isEqualTo(before.renders());
      assertThat(users.withPendingRenders()).extracting(UserRecord::token).containsOnlyNulls();
      assertThat(logs.warnings()).anyMatch(line -> line.contains(ANN.toString()) && line.contains("cannot be decrypted"));
      assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN) || line.contains("second secret"));

      // A new token is simply obtained and kept under the new secret.
      users.update(ANN, r -> r.withToken("nmv_tok_new", Instant.now().plusSeconds(60), "anon_8"));
    }
    try (var users = UserDirectory.open(dataDir, "second secret")) {
      assertThat(users.get(ANN).token()).isEqualTo("nmv_tok_new");
    }
  }

  @Test
  void theKeyFileIsMadeOnceReadableByItsOwnerOnlyAndReused() throws IOException {
    Path keyFile = dataDir.resolve("secret.key");
    try (var users = UserDirectory.open(dataDir, null)) {
      users.update(ANN, r -> r.withToken(TOKEN, null, null));
    }
    assertThat(keyFile).isRegularFile();
    byte[] key = Files.readAllBytes(keyFile);
    assertThat(key).hasSize(32);
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(ANN).token()).isEqualTo(TOKEN);
    }
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("partial"));
    }
  }

  @Test
  void aKeyFileOthersCanReadIsRestrictedToItsOwner() throws IOException {
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    UserDirectory.open(dataDir, null).close();
    Path keyFile = dataDir.resolve("secret.key");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    try (var logs = LogCapture.start()) {
      UserDirectory.open(dataDir, null).close();
      assertThat(logs.warnings()).anyMatch(line -> line.contains("readable by others"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
  }

  @Test
  void aDamagedKeyFileIsRefusedWithAClearMessage() throws IOException {
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("secret.key"), "not a key");
    assertThatThrownBy(() -> UserDirectory.open(dataDir, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("secret.key")
        .hasMessageContaining("remove it");
  }

  @Test
  void theDataDirectoryIsCreatedWhenMissing() throws IOException {
    Path nested = dataDir.resolve("a").resolve("b");
    try (var users = UserDirectory.open(nested, null)) {
      users.get(ANN);
    }
    assertThat(nested.resolve("users.db")).isRegularFile();
  }

  @Test
  void aTokenCopiedIntoAnotherUsersRowDoesNotOpen() throws Exception {
    try (var users = UserDirectory.open(dataDir, null)) {
      users.update(ANN, r -> r.withToken(TOKEN, null, null));
      users.get(BOB);
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("users.db"));
        PreparedStatement copy = db.prepareStatement(
            "UPDATE users SET token = (SELECT token FROM users WHERE platform = ? AND user_id = ?)"
                + " WHERE platform = ? AND user_id = ?")) {
      copy.setString(1, ANN.platform());
      copy.setString(2, ANN.id());
      copy.setString(3, BOB.platform());
      copy.setString(4, BOB.id());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }
    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(BOB).token()).isNull();
      assertThat(users.get(ANN).token()).isEqualTo(TOKEN);
    }
  }

  @Test
  void aStoreFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
    UserDirectory.open(dataDir, null).close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("users.db"));
        Statement statement = db.createStatement()) {
      statement.execute("INSERT INTO users_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
          + " 'V99__from_the_future.sql', 0, 'tunecut', 1, 1)");
    }
    assertThatThrownBy(() -> UserDirectory.open(dataDir, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer");
  }

  @Test
  void theStoreKeepsItsSchemaHistoryAndRunsInWalMode() throws Exception {
    UserDirectory.open(dataDir, null).close();
    UserDirectory.open(dataDir, null).close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("users.db"));
        Statement statement = db.createStatement()) {
      try (ResultSet rs = statement.executeQuery(
          "SELECT version FROM users_schema_history WHERE success = 1 ORDER BY installed_rank")) {
        List<String> versions = new ArrayList<>();
        while (rs.next()) versions.add(rs.getString(1));
        assertThat(versions).containsExactly("1", "2", "3", "4", "5");
      }
      try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
    }
  }

  @Test
  void anUpdateThatFailsChangesNothing() throws IOException {
    try (var users = UserDirectory.open(dataDir, null)) {
      UserRecord before = users.update(ANN, r -> r.withLanguage("en"));
      assertThatThrownBy(() -> users.update(ANN, r -> {
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThatThrownBy(() -> users.update(ANN, r -> new UserRecord(ANN, "another-id", null, null, null, null, null,
          null, List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client id");
      assertThatThrownBy(() -> users.update(ANN, r -> null)).isInstanceOf(NullPointerException.class);
      assertThat(users.get(ANN)).isEqualTo(before);
    }
    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(users.get(ANN).language()).isEqualTo("en");
    }
  }

  @Test
  void concurrentUpdatesLoseNothing() throws Exception {
    int threads = 50;
    int perThread = 10;
    List<ChatUser> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(new ChatUser("discord", "many-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (var users = UserDirectory.open(dataDir, null)) {
      var start = new CountDownLatch(1);
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            users.update(ANN, UserDirectoryTest::increment);
            // Each thread also touches two different users, so every one of them is updated once per thread.
            users.update(many.get((thread * 2 + i) % many.size()), UserDirectoryTest::increment);
          }
          return null;
        });
      }
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> job : work) {
        done.add(pool.submit(job));
      }
      start.countDown();
      for (Future<Void> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
      assertThat(count(users.get(ANN))).isEqualTo(threads * perThread);
      assertThat(many.stream().mapToInt(u -> uncheckedCount(users, u)).sum()).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
    try (var users = UserDirectory.open(dataDir, null)) {
      assertThat(count(users.get(ANN))).isEqualTo(threads * perThread);
      assertThat(many.stream().mapToInt(u -> uncheckedCount(users, u)).sum()).isEqualTo(threads * perThread);
    }
  }

  @Test
  void onlyOneClientIdIsMadeWhenManyAskForANewUserAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (var users = UserDirectory.open(dataDir, null)) {
      var start = new CountDownLatch(1);
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ids.add(pool.submit(() -> {
          start.await();
          return users.get(ANN).clientId();
        }));
      }
      start.countDown();
      Set<String> distinct = new HashSet<>();
      for (Future<String> id : ids) {
        distinct.add(id.get(1, TimeUnit.MINUTES));
      }
      assertThat(distinct).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCacheIsBoundedAndEveryoneIsStillThere() throws IOException {
    List<String> clientIds = new ArrayList<>();
    try (var users = UserDirectory.open(dataDir, null, 100)) {
      for (int i = 0; i < 1_000; i++) {
        clientIds.add(users.get(new ChatUser("telegram", "u" + i)).clientId());
      }
      assertThat(users.cachedUsers()).isLessThanOrEqualTo(100);
      for (int i = 0; i < 1_000; i++) {
        assertThat(users.get(new ChatUser("telegram", "u" + i)).clientId()).isEqualTo(clientIds.get(i));
      }
    }
  }

  @Test
  void aHundredThousandGetsOfAKnownUserComeFromMemory() throws IOException {
    try (var users = UserDirectory.open(dataDir, null)) {
      UserRecord known = users.update(ANN, r -> r.withLanguage("en"));
      for (int i = 0; i < 100_000; i++) {
        assertThat(users.get(ANN) == known).isTrue();
      }
    }
  }

  @Test
  void noTokenAppearsInAnyLogLineOrDescription() throws IOException {
    try (var logs = LogCapture.start()) {
      try (var users = UserDirectory.open(dataDir, null)) {
        UserRecord record = users.update(ANN, r -> r.withToken(TOKEN, Instant.now(), "anon_1")
            .withRenderAdded(new PendingRender("rnd_1", new MessageRef(GROUP, "1"), Instant.now())));
        users.get(BOB);
        users.withPendingRenders();
        assertThat(record.toString()).doesNotContain(TOKEN).contains("<redacted>");
        assertThat(users.toString()).doesNotContain(TOKEN);
      }
      try (var users = UserDirectory.open(dataDir, "some secret")) {
        users.get(ANN);
        users.withPendingRenders();
      }
      assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
      assertThat(logs.debugLines()).anyMatch(line -> line.contains("New user"));
    }
  }

  @Test
  void aClosedDirectoryRefusesWork() throws IOException {
    var users = UserDirectory.open(dataDir, null);
    users.get(ANN);
    users.close();
    users.close();
    assertThatThrownBy(() -> users.get(ANN)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static UserRecord increment(UserRecord record) {
    return record.withSession(Integer.toString(count(record) + 1), record.taskId());
  }

  private static int count(UserRecord record) {
    return record.sessionId() == null ? 0 : Integer.parseInt(record.sessionId());
  }

  private static int uncheckedCount(UserDirectory users, ChatUser user) {
    try {
      return count(users.get(user));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<Path> storeFiles() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("users.db")).toList();
    }
  }

  // Every byte of users.db and its -wal/-shm files, as Latin-1 so any byte sequence survives.
  private String rawStoreBytes() throws IOException {
    var all = new StringBuilder();
    for (Path file : storeFiles()) {
      all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }
    return all.toString();
  }
}
