package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.FakeNemoServer.Failure;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.testing.Turn;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every protocol error becomes a clear message in the person's language, and nothing is lost. */
class ErrorMessagesTest {
  private static final URI CLOUD_REGISTER = URI.create("https://nemovideo.com/register");

  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
    h.run("ann", "hello");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private void assertNoRawJsonOrTrace() {
    assertThat(h.port.everythingShown()).noneMatch(t -> t.contains("{\"") || t.contains("Exception") || t.contains("\tat "));
  }

  /** A backend with a registration page, as the NemoVideo cloud has. */
  private void onACloudWithARegistrationPage(UnaryOperator<ConversationEngine.Builder> tune) throws Exception {
    h.close();
    h = new Harness(tmp.resolve("cloud"), RecordingPort.create(), b -> tune.apply(b.registerPage(CLOUD_REGISTER)));
  }

  @Test
  void outOfCreditsAsAnAnonymousUserGivesTheRegistrationLinkWithTheirId() throws Exception {
    onACloudWithARegistrationPage(b -> b);
    h.run("ann", "hello");
    h.server.enqueueTurn(Turn.builder().error("ignored").build());
    h.server.failNext(Call.TURN, Failure.business(2001, "insufficient credits", 402));
    h.run("ann", "add music");
    String backendId = h.directory.get(Harness.user("ann")).backendUserId();
    assertThat(backendId).startsWith("anon_");
    assertThat(h.lastSentTo("ann")).contains("https://nemovideo.com/register?bind=" + backendId);
    assertNoRawJsonOrTrace();
  }

  @Test
  void outOfCreditsWithAnOperatorTokenSaysTopUp() throws Exception {
    onACloudWithARegistrationPage(b -> b.operatorToken("nmv_op"));
    h.server.acceptToken("nmv_op");
    h.server.failNext(Call.CREDITS, Failure.business(2001, "insufficient credits"));
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("Top up your credits").doesNotContain("register");
  }

  @Test
  void aRegistrationPageWithAQueryGetsTheIdAddedToIt() throws Exception {
    h.close();
    h = new Harness(tmp.resolve("query"), RecordingPort.create(), b -> b.registerPage(URI.create("https://signup.example/join?from=bot#top")));
    h.run("ann", "hello");
    h.server.failNext(Call.CREDITS, Failure.business(2001, "insufficient credits"));
    h.run("ann", "/credits");
    String backendId = h.directory.get(Harness.user("ann")).backendUserId();
    assertThat(h.lastSentTo("ann")).contains("https://signup.example/join?from=bot&bind=" + backendId + "#top");
  }

  @Test
  void outOfCreditsOnATunecutStudioSaysTodaysRenderTimeIsUsedUpAndRenewsTomorrow() throws Exception {
    onACloudWithARegistrationPage(b -> b);
    h.server.saysItIsATunecutStudio();
    h.run("ann", "hello");
    String session = h.sessionOf("ann");
    h.server.draft(session, FakeNemoServer.EXAMPLE_DRAFT);
    h.server.failNext(Call.RENDER_START, Failure.business(2001, "not enough render minutes today", 402));
    h.run("ann", "/export");
    assertThat(h.lastSentTo("ann")).contains("today's render time on this server").contains("renews tomorrow")
        .contains("UTC").contains("your work is kept").contains("shorter export").contains("ask the person who runs this bot")
        .doesNotContain("register").doesNotContain("http");
    assertThat(h.port.statusTexts(h.port.statuses().get(1))).last().asString().startsWith("✗");
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
    assertThat(h.sessionOf("ann")).as("the timeline is kept").isEqualTo(session);
    assertNoRawJsonOrTrace();
  }

  @Test
  void outOfCreditsOnATunecutStudioIsTheSameForEveryoneAndInChinese() throws Exception {
    h.server.saysItIsATunecutStudio();
    h.server.failNext(Call.TURN, Failure.business(2001, "insufficient credits", 402));
    h.run("li", "加背景音乐");
    assertThat(h.lastSentTo("li")).contains("渲染时长已用完").contains("UTC").contains("作品会保留").doesNotContain("http");

    h.close();
    h = new Harness(tmp.resolve("op"), RecordingPort.create(), b -> b.operatorToken("nmv_op").registerPage(CLOUD_REGISTER));
    h.server.acceptToken("nmv_op").saysItIsATunecutStudio();
    h.server.failNext(Call.CREDITS, Failure.business(2001, "insufficient credits"));
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("today's render time").doesNotContain("Top up").doesNotContain("register");
  }

  @Test
  void outOfCreditsOnAnyOtherBackendRegistersWithBindAsTheSeedsDo() throws Exception {
    // A proxy of the cloud, or another compatible server, at an address that is not the cloud's.
    onACloudWithARegistrationPage(b -> b);
    h.run("ann", "hello");
    h.server.failNext(Call.RENDER_START, Failure.business(2001, "insufficient credits", 402));
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
    h.run("ann", "/export");
    String backendId = h.directory.get(Harness.user("ann")).backendUserId();
    assertThat(h.lastSentTo("ann")).contains(CLOUD_REGISTER + "?bind=" + backendId).doesNotContain("render time");
  }

  @Test
  void creditsOnATunecutStudioAreTodaysRenderMinutes() throws Exception {
    h.server.saysItIsATunecutStudio().credits(12.5);
    h.run("ann", "/credits");
    h.run("li", "余额");
    assertThat(h.lastSentTo("ann")).isEqualTo("You have 12.5 render minutes left today. They renew at midnight UTC.");
    assertThat(h.lastSentTo("li")).isEqualTo("你今天还剩 12.5 分钟渲染时长。UTC 零点恢复。");
  }

  @Test
  void aPlanThatCannotExportSaysRegisterOrUpgrade() throws Exception {
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
    h.server.failNext(Call.RENDER_START, Failure.http(402));
    h.run("ann", "/export");
    assertThat(h.lastSentTo("ann")).contains("Register or upgrade your plan to export");
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
  }

  @Test
  void aFileTheBackendDoesNotTakeSaysWhatToSendInstead() throws Exception {
    h.server.failNext(Call.UPLOAD, Failure.business(4001, "unsupported"));
    h.run(h.files("ann", "", clip()));
    assertThat(h.lastSentTo("ann")).contains("doesn't take that kind of file").contains("for example mp4, mov");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aFileTooLargeForTheBackendSaysTheLimitAndSuggestsTrimming() throws Exception {
    h.server.failNext(Call.UPLOAD, Failure.business(4002, "too large"));
    h.run(h.files("ann", "", clip()));
    assertThat(h.lastSentTo("ann")).contains("500 MB").contains("Trim or compress");
  }

  @Test
  void aRequestTheBackendCallsMalformedIsLoggedAsOurBug() throws Exception {
    h.server.failNext(Call.CREDITS, Failure.http(400));
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("Something went wrong on our side");
    assertThat(h.logLines()).anyMatch(l -> l.contains("bug on our side"));
  }

  @Test
  void aRateLimitThatPersistsAfterTheClientsRetryIsExplained() throws Exception {
    h.server.failNext(Call.CREDITS, Failure.http(429)).failNext(Call.CREDITS, Failure.http(429));
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("busy").contains("try again");
    assertThat(h.server.count(Call.CREDITS)).isEqualTo(2);
  }

  @Test
  void anUnreachableBackendSaysSoAndTheNextMessageWorks() throws Exception {
    h.server.failAlways(Call.CREDITS, Failure.disconnect());
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("can't reach the video service");
    h.server.clearFailures();
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("100 credits");
  }

  @Test
  void aLostSessionStartsAFreshTimelineAndSaysSo() throws Exception {
    String old = h.sessionOf("ann");
    h.server.forgetSession(old);
    h.run("ann", "add music");
    assertThat(h.lastSentTo("ann")).contains("timeline started fresh");
    assertThat(h.sessionOf("ann")).isNotNull().isNotEqualTo(old);
    h.run("ann", "add music");
    assertThat(h.lastSentTo("ann")).isEqualTo("Done.");
  }

  @Test
  void anErrorEventOfTheTurnBecomesAPlainMessage() throws Exception {
    h.server.enqueueTurn(Turn.builder().tool("add_music").error("agent crashed: {\"trace\":1}").build());
    h.run("ann", "add music");
    assertThat(h.lastSentTo("ann")).contains("video service had a problem");
    assertNoRawJsonOrTrace();
  }

  @Test
  void errorsAreInChineseForChineseSpeakers() throws Exception {
    h.server.failAlways(Call.CREDITS, Failure.disconnect());
    h.run("li", "积分");
    assertThat(h.lastSentTo("li")).isEqualTo("现在无法连接视频服务。请稍后再试。");
  }

  @Test
  void noTokenEverAppearsInAMessageOrALogLine() throws Exception {
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
    h.server.revokeAllTokens();
    h.run("ann", "/credits");
    h.server.failNext(Call.CREDITS, Failure.http(400));
    h.run("ann", "/credits");
    h.server.enqueueTurn(Turn.builder().text("x").drop().build());
    h.run("ann", "add music");
    h.run("ann", "/export");
    h.run(h.files("ann", "", clip()));
    List<String> tokens = new ArrayList<>(h.server.issuedTokens());
    assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
    List<String> everything = new ArrayList<>(h.port.everythingShown());
    everything.addAll(h.logLines());
    for (String token : tokens) {
      assertThat(everything).noneMatch(line -> line.contains(token));
    }
    assertThat(h.directory.get(Harness.user("ann")).toString()).doesNotContain(tokens.get(tokens.size() - 1));
  }

  private static Attachment clip() {
    return new Attachment("city.mp4", 1000, "video/mp4", () -> new ByteArrayInputStream(new byte[1000]));
  }
}
