package io.tunecut.studio.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.llm.ModelReply.Proposed;
import io.tunecut.studio.internal.llm.SampleEdits.AddText;
import io.tunecut.studio.internal.llm.SampleEdits.KeepRange;
import io.tunecut.studio.internal.llm.SampleEdits.LoopMusic;
import io.tunecut.studio.internal.llm.SampleEdits.MusicVolume;
import io.tunecut.studio.internal.llm.SampleEdits.OrderClips;
import io.tunecut.studio.internal.llm.SampleEdits.Position;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
  final ToolCatalog<SampleEdits> catalog = ToolCatalog.of(SampleEdits.class,
      List.of(MusicVolume.class, AddText.class, OrderClips.class, LoopMusic.class, KeepRange.class));

  JsonNode schema(String tool) throws Exception {
    return FakeModel.JSON.readTree(catalog.parameters(tool).toString());
  }

  Proposed<SampleEdits> read(String tool, String arguments) {
    return catalog.read(List.of(new ToolCall(tool, arguments)), "");
  }

  @Test
  void toolsAreNamedByTheirAnnotationOrTheirRecordInSnakeCase() {
    assertThat(catalog.names()).containsExactly("set_music_volume", "add_text", "order_clips", "loop_music",
        "keep_range");
  }

  @Test
  void aNumberCarriesItsBoundsAndDescription() throws Exception {
    assertThat(schema("set_music_volume")).isEqualTo(FakeModel.JSON.readTree("""
        {"type": "object",
         "properties": {"percent": {"type": "integer", "description": "percent of its own loudness",
                                    "minimum": 0, "maximum": 200}},
         "required": ["percent"],
         "additionalProperties": false}"""));
  }

  @Test
  void anEnumIsOfferedInLowerCaseAndOptionalPartsAreNotRequired() throws Exception {
    JsonNode text = schema("add_text");

    assertThat(text.path("properties").fieldNames()).toIterable()
        .containsExactly("text", "position", "start", "colour");
    assertThat(text.path("properties").path("position").path("enum")).extracting(JsonNode::asText)
        .containsExactly("top", "middle", "bottom");
    assertThat(text.path("required")).extracting(JsonNode::asText).containsExactly("text", "position");
    assertThat(text.path("properties").path("start").path("type")).extracting(JsonNode::asText)
        .containsExactly("number", "null");
    assertThat(text.path("properties").path("start").path("minimum").asDouble()).isZero();
    assertThat(text.path("properties").path("colour").path("description").asText()).isEqualTo("a colour name");
  }

  @Test
  void aListOfWordsIsAnArrayOfStrings() throws Exception {
    JsonNode clips = schema("order_clips").path("properties").path("clips");

    assertThat(clips.path("type").asText()).isEqualTo("array");
    assertThat(clips.path("items").path("type").asText()).isEqualTo("string");
    assertThat(clips.path("description").asText()).isEqualTo("clip names in the order they should play");
    assertThat(schema("loop_music").path("properties").path("loop").path("type").asText()).isEqualTo("boolean");
  }

  @Test
  void optionalPartsMayBeLeftOutOrSentAsNull() {
    assertThat(read("add_text", "{\"text\": \"GOAL\", \"position\": \"bottom\", \"start\": null, \"colour\": \"red\"}")
        .edits()).containsExactly(new AddText("GOAL", Position.BOTTOM, Optional.empty(), "red"));
    assertThat(read("add_text", "{\"text\": \"GOAL\", \"position\": \"middle\"}").edits())
        .containsExactly(new AddText("GOAL", Position.MIDDLE, Optional.empty(), null));
  }

  @Test
  void numbersInWordsOrTextAreNotNumbers() {
    assertThat(read("set_music_volume", "{\"percent\": \"80\"}").dropped()).singleElement()
        .extracting(DroppedCall::reason).isEqualTo("percent: string found, integer expected");
    assertThat(read("keep_range", "{\"from\": -1, \"to\": 3}").dropped()).singleElement()
        .extracting(DroppedCall::reason).isEqualTo("from: must have a minimum value of 0");
  }

  @Test
  void partsTheToolDoesNotHaveAreRefused() {
    assertThat(read("loop_music", "{\"loop\": true, \"times\": 3}").dropped()).singleElement()
        .extracting(DroppedCall::reason).asString().contains("times");
    assertThat(read("loop_music", "[true]").dropped()).singleElement()
        .extracting(DroppedCall::reason).isEqualTo("array found, object expected");
  }

  @Test
  void twoObjectsInOneCallAreNotOneCall() {
    assertThat(read("loop_music", "{\"loop\": true} {\"loop\": false}").dropped()).singleElement()
        .extracting(DroppedCall::reason).isEqualTo("its arguments are not JSON");
  }

  @Test
  void anEditThatRefusesItsValuesSaysWhy() {
    Proposed<SampleEdits> reply = catalog.read(List.of(
        new ToolCall("keep_range", "{\"from\": 5, \"to\": 2}"),
        new ToolCall("keep_range", "{\"from\": 2, \"to\": 5.5}")), "");

    assertThat(reply.dropped()).singleElement().hasToString("keep_range: the end must come after the start");
    assertThat(reply.edits()).containsExactly(new KeepRange(2, 5.5));
  }

  @Test
  void aToolWithoutArgumentsOrNameIsHandled() {
    assertThat(read("loop_music", "").dropped()).singleElement()
        .extracting(DroppedCall::reason).isEqualTo("required property 'loop' not found");
    assertThat(read("", "{}").dropped()).singleElement().hasToString("a tool call without a name");
  }

  @Test
  void aCatalogTakesOnlyToolRecordsWithDistinctNames() {
    record Untitled(int x) implements SampleEdits {}
    @Tool(name = "loop_music", value = "Also loops.")
    record Again(boolean loop) implements SampleEdits {}

    assertThatThrownBy(() -> ToolCatalog.of(SampleEdits.class, List.of(Untitled.class)))
        .hasMessageContaining("Untitled is not a record annotated with @Tool");
    assertThatThrownBy(() -> ToolCatalog.of(SampleEdits.class, List.of(LoopMusic.class, Again.class)))
        .hasMessageStartingWith("two tools are named loop_music");
  }
}
