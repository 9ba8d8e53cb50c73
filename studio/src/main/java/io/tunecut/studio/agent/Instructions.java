package io.tunecut.studio.agent;

import java.util.List;

/** The instructions the agent knows, in the order they apply within one message. */
public final class Instructions {
  private Instructions() {}

  /**
   * Order matters: music is added before its volume, fades and start are set; clips are
   * reordered and trimmed before the whole is fitted to a length. To teach the agent a new
   * kind of instruction, add its class here.
   */
  public static List<Instruction> standard() {
    return List.of(
        new ShowClips(),
        new RemoveMusic(),
        new AddMusic(),
        new ClipOrder(),
        new ClipTrim(),
        new TargetLength(),
        new LoopMusic(),
        new MusicStart(),
        new MusicVolume(),
        new FadeMusic(),
        new ClipSound(),
        new Loudness(),
        new SetText(),
        new SetAspect(),
        new SetResolution());
  }
}
