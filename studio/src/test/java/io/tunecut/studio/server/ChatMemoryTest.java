package io.tunecut.studio.server;

import static io.tunecut.studio.internal.agent.ModelServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.agent.ModelAgent;
import io.tunecut.studio.internal.agent.ModelServer;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a turn asked about ("how loud is the music?") reaches the next ("make it 80") through the
 * session, beside the draft: across a restart, never back through an undo, never in the draft the
 * bot reads or the studio renders.
 */
class ChatMemoryTest {
  @TempDir Path dataDir;
  final ScriptedRenderer scripted = new ScriptedRenderer(false);
  final List<JsonNode> rendered = new CopyOnWriteArrayList<>();
  /** Every draft the bot was shown, to look for a note in. */
  final List<JsonNode> shown = new ArrayList<>();
  final ModelServer model = new ModelServer(false);
  Studio studio;
  StudioHttp http;
  String token;
  String session;

  void start(Agent agent) throws IOException {
    studio = Studio.start(StudioSettings.defaults(dataDir), new FfprobeMediaProbe(TestMedia.FFMPEG), agent,
        (draft, media, out, progress) -> {
          rendered.add(draft.toJson());
          scripted.render(draft, media, out, progress);
        });
    http = new StudioHttp(studio.baseUrl());
  }

  void restart(Agent agent) throws IOException {
    studio.close();
    start(agent);
  }

  @AfterEach
  void close() {
    if (studio != null) studio.close();
    model.close();
  }

  /** The agent with a model: the model calls what it is given before each turn, nothing when given nothing. */
  Agent withModel() {
    return ModelAgent.of(model.settings(Duration.ofSeconds(5)), new RuleAgent());
  }

  void newSession() {
    token = http.token("memory");
    session = http.session(token);
    assertThat(http.upload(token, session, Samples.clip(), Samples.track()).code()).isZero();
  }

  String say(String message) {
    return http.post("/run_sse", token, StudioHttp.runSseBody(session, message)).body();
  }

  JsonNode draft() {
    JsonNode draft = http.state(token, session).data().path("state").path("draft");
    shown.add(draft);
    return draft;
  }

  double volume() {
    for (JsonNode t : draft().path("t")) if (t.path("tt").asInt() == 1) return t.path("sg").path(0).path("v").asDouble();
    throw new AssertionError("no music in " + draft());
  }

  @Test
  void theQuestionOutlivesARestartAndAnUndoBringsNoStaleOneBack() throws Exception {
    start(withModel());
    newSession();
    model.answers(); // the model calls no tool: the rules read the message
    say("add the music");
    model.answers();
    assertThat(say("how loud is the music?")).contains("%");

    restart(withModel());
    model.answers();
    say("make it 80");
    assertThat(volume()).as("the number read as the question's, asked before the restart").isEqualTo(0.8);

    model.answers();
    say("title 'Lisbon'"); // the last change is no longer the music's: "make it 30" would not follow it
    model.answers();
    say("how loud is the music?");
    JsonNode asked = draft();
    model.answers(call("set_aspect", "{\"shape\": \"tiktok\"}"));
    say("make it for tiktok");
    model.answers(call("undo", "{}"));
    assertThat(say("nah go back")).contains("Undone");
    assertThat(draft()).as("the undo goes back to the timeline as it was").isEqualTo(asked);
    model.answers();
    say("make it 30");
    assertThat(volume()).as("the question before the undone change is no longer the topic").isEqualTo(0.8);

    http.post("/api/render/proxy/lambda", token, "{\"id\":\"render_m\",\"sessionId\":\"" + session + "\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> !rendered.isEmpty());
    assertThat(rendered.get(0).path("t").toString()).isEqualTo(draft().path("t").toString());
    shown.addAll(rendered);
    assertThat(shown).as("drafts shown or rendered with a note of the chat in them").noneMatch(d -> d.has("talk"));
  }

  @Test
  void aSessionSavedWithItsNoteInTheDraftKeepsItAfterTheUpgrade() throws Exception {
    start(new RuleAgent());
    newSession();
    say("add the music");
    studio.close();
    // the session as the release before kept it: the question in the draft, no column for it
    try (Database db = Database.open(null, dataDir)) {
      ObjectNode old = (ObjectNode) Json.MAPPER.readTree(
          db.one("SELECT draft FROM sessions WHERE id = ?", rs -> rs.getString(1), session).orElseThrow());
      old.putObject("talk").put("topic", "volume").put("zh", false);
      db.update("ALTER TABLE sessions DROP COLUMN talk");
      db.update("DELETE FROM studio_schema_history WHERE version = '7'");
      db.update("UPDATE sessions SET draft = ? WHERE id = ?", old.toString(), session);
    }

    start(new RuleAgent());
    assertThat(draft().has("talk")).as("the note left the draft").isFalse();
    say("make it 80");
    assertThat(volume()).isEqualTo(0.8);
    assertThat(shown).noneMatch(d -> d.has("talk"));
  }
}
