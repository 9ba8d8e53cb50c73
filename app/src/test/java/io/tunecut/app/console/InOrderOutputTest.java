package io.tunecut.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InOrderOutputTest {
  private final List<String> printed = new ArrayList<>();
  private final InOrderOutput output = new InOrderOutput(printed::add);

  @Test
  void aLaterLinesOutputWaitsUntilEverythingBeforeItIsOut() {
    InOrderOutput.Turn upload = output.next();
    InOrderOutput.Turn edit = output.next();
    InOrderOutput.Turn export = output.next();

    upload.accept("bot> Added clip.mp4");
    edit.accept("bot> Added music");
    export.accept("bot> Your video");
    export.finish();
    assertThat(printed).containsExactly("bot> Added clip.mp4");

    upload.accept("bot> photo: 1");
    upload.finish();
    assertThat(printed).containsExactly("bot> Added clip.mp4", "bot> photo: 1", "bot> Added music");

    edit.accept("bot> photo: 2");
    edit.finish();
    assertThat(printed).containsExactly("bot> Added clip.mp4", "bot> photo: 1", "bot> Added music", "bot> photo: 2",
        "bot> Your video");
  }

  @Test
  void theOldestUnfinishedLinePrintsAtOnce() {
    InOrderOutput.Turn first = output.next();
    first.finish();
    InOrderOutput.Turn second = output.next();

    second.accept("bot> hello");

    assertThat(printed).containsExactly("bot> hello");
  }
}
