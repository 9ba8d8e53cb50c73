package io.tunecut.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.MutableClock;
import io.tunecut.core.testing.RecordingPort;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security: one person's timeline, media, renders, budget and links are never reachable by
 * another, whatever they type; only an account the person linked themselves shares them.
 */
class PeopleApartTest {
  private static final ChatUser ANN = new ChatUser("telegram", "1");
  private static final ChatUser ANN_ON_DISCORD = new ChatUser("discord", "11");
  private static final ChatUser BOB = new ChatUser("telegram", "2");

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final RecordingPort telegram = RecordingPort.builder().platform("telegram").build();
  private final RecordingPort discord = RecordingPort.builder().platform("discord").build();
  private RuledBot bot;

  @BeforeEach
  void setUp() throws Exception {
    bot = new RuledBot(tmp, FakeNemoServer.start(), null, AccessRules.open().withBudget(new Budget(2, Budget.NO_LIMIT, Budget.NO_LIMIT, Budget.NO_LIMIT)), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    bot.close();
  }

  @Test
  void nothingOfOnePersonIsReachableByAnotherAndALinkedAccountSharesEverything() throws Exception {
    // Ann: a clip, her timeline, one render delivered, and her Discord account linked.
    bot.say(ANN, telegram, "", new Attachment("beach.mp4", 1000, "video/mp4", () -> new ByteArrayInputStream(new byte[1000])));
    String annSession = bot.directory.get(ANN).sessionId();
    bot.nemo.draft(annSession, FakeNemoServer.EXAMPLE_DRAFT);
    bot.say(ANN, telegram, "/export");
    String annRender = bot.nemo.renderIds().get(0);
    bot.say(ANN, telegram, "/link");
    String annCode = code(telegram.sentTexts(chat(ANN)));

    // Bob tries everything a person can type.
    List<String> guesses = new ArrayList<>(List.of("AAAAAAAA", annCode.substring(0, 7) + (annCode.endsWith("A") ? "B" : "A"), annSession, annRender, "1"));
    for (String guess : guesses) bot.say(BOB, telegram, "/link " + guess);
    for (String text : List.of("/status", "/export", "/credits", "/unlink", "/stats", "/ban telegram:1", "/quota telegram:1 renders=0",
        "/allow telegram:2", "add " + annSession, "use the clip beach.mp4", "/cancel", "/new")) {
      bot.say(BOB, telegram, text);
    }
    List<String> toBob = telegram.sentTexts(chat(BOB));
    assertThat(toBob).filteredOn(t -> t.startsWith("/link") || t.contains("link code")).isNotEmpty()
        .allMatch(t -> t.startsWith("That link code is not valid."));
    assertThat(toBob).contains("The timeline is empty: send a clip to start.", "This account is not linked to another one. /link gives you a code to link it.");
    assertThat(String.join("\n", toBob)).doesNotContain(annSession).doesNotContain(annRender).doesNotContain(annCode)
        .doesNotContain("beach.mp4").doesNotContain("Urban Dreams").doesNotContain("Today (");
    assertThat(telegram.videos()).hasSize(1).allSatisfy(v -> assertThat(v.chat()).isEqualTo(chat(ANN)));
    assertThat(bot.directory.get(BOB).sessionId()).isNotEqualTo(annSession);
    assertThat(bot.nemo.renderIds()).containsExactly(annRender);

    // On the backend, nothing Bob's token asked for names Ann's session or render.
    String bobToken = bot.directory.get(BOB).token();
    String annToken = bot.directory.get(ANN).token();
    assertThat(bobToken).isNotNull().isNotEqualTo(annToken);
    for (RecordedRequest r : bot.nemo.allRequests()) {
      if (!("Bearer " + bobToken).equals(r.getHeaders().get("Authorization"))) continue;
      // (Bob may type Ann's ids as words: they stay words in his own session.)
      assertThat(r.getUrl().toString()).doesNotContain(annSession).doesNotContain(annRender);
      assertThat(r.getBody() == null ? "" : r.getBody().utf8()).doesNotContain("\"session_id\":\"" + annSession + "\"");
    }

    // Her code still works for her, on her other account: the same timeline and one budget.
    bot.say(ANN_ON_DISCORD, discord, "/link " + annCode);
    assertThat(discord.sentTexts(chat(ANN_ON_DISCORD))).contains(
        "Linked with telegram:1: from now on you have one timeline, the same media and one budget on both. /unlink separates them.");
    bot.say(ANN_ON_DISCORD, discord, "/status");
    bot.say(ANN_ON_DISCORD, discord, "/credits");
    assertThat(discord.sentTexts(chat(ANN_ON_DISCORD))).anyMatch(t -> t.startsWith("Timeline: ") && t.contains("Urban Dreams"))
        .anyMatch(t -> t.contains("Left for you today: 1 of 2 renders"));
    bot.say(BOB, telegram, "/credits");
    assertThat(telegram.sentTexts(chat(BOB))).anyMatch(t -> t.contains("Left for you today: 2 of 2 renders"));

    // Bob's /unlink separates nothing of Ann's; Ann's own /unlink does.
    bot.say(BOB, telegram, "/unlink");
    bot.say(ANN_ON_DISCORD, discord, "/status");
    assertThat(discord.sentTexts(chat(ANN_ON_DISCORD))).last().asString().startsWith("Timeline: ");
    bot.say(ANN_ON_DISCORD, discord, "/unlink");
    bot.say(ANN_ON_DISCORD, discord, "/status");
    assertThat(discord.sentTexts(chat(ANN_ON_DISCORD))).last().isEqualTo("The timeline is empty: send a clip to start.");
  }

  @Test
  void aLinkCodeIsGivenOnlyInAPrivateChatWhereNobodyElseCanReadIt() {
    Chat group = new Chat("telegram", "-100200300", true);
    bot.engine.handle(InboundMessage.text(ANN, group, "/link"), telegram).join();

    assertThat(telegram.sentTexts(group)).containsExactly(
        "Ask me for a link code in a private chat: whoever sees the code could join their account to yours.");
    bot.say(ANN, telegram, "/link");
    assertThat(telegram.sentTexts(chat(ANN))).singleElement().asString().startsWith("Your link code: ");
  }

  private static Chat chat(ChatUser who) {
    return RuledBot.chat(who);
  }

  private static String code(List<String> sent) {
    Matcher m = Pattern.compile("Your link code: ([A-Z0-9]{8})").matcher(String.join("\n", sent));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
