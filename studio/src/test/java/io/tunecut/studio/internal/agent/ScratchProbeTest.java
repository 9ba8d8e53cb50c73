package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchProbeTest extends PhraseCorpusTest {
  @Test
  void probe() throws Exception {
    for (String line : Files.readAllLines(Path.of("/tmp/s16/probe.txt"))) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\\s*\\|\\s*");
      ComposeMusicTest.Maker maker = new ComposeMusicTest.Maker();
      Fixtures.Start start = Fixtures.of(f[0], maker);
      RuleAgent a = Fixtures.composes(f[0]) ? new RuleAgent(withBeats(), maker) : agent;
      Draft draft = start.draft();
      History h = History.none();
      Said s = Said.NOTHING;
      StringBuilder out = new StringBuilder("PROBE [" + f[0] + "]");
      for (int i = 1; i < f.length; i++) {
        AgentReply r = a.respond(draft, h, s, start.media(), f[i].replace("\\n", "\n"), "en");
        draft = r.draft(); h = r.history(); s = r.said();
        out.append("\n   > ").append(f[i]).append("\n     = ").append(DraftChange.between(start.draft(), draft)).append("\n     : ").append(r.text().replace("\n", " ⏎ "));
      }
      System.out.println(out);
    }
  }
}
