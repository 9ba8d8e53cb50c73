package io.tunecut.studio.internal.agent;

import java.util.List;

/** The instructions the agent knows, in the order they read each clause. */
public final class Instructions {
  private Instructions() {}

  /**
   * Order matters: text comes first so its words are never read as anything else; music is
   * added before its volume, fades and start are set; clips are reordered and trimmed before
   * the whole is fitted to a length. To teach the agent a new kind of instruction, add its
   * class here.
   */
  public static List<Instruction> standard() {
    return List.of(
        new StateQuestion(),
        new SetText(),
        new LeaveAlone(),
        new Talk(),
        new ShowClips(),
        new NoMusicOnClip(),
        new RemoveMusic(),
        new ComposeMusic(),
        new AddMusic(),
        new ClipOrder(),
        new ClipTrim(),
        new VideoLength(),
        new LoopMusic(),
        new MusicStart(),
        new MusicEnd(),
        new FadeMusic(),
        new ClipSound(),
        new MusicVolume(),
        new Loudness(),
        new SetAspect(),
        new SetResolution(),
        new ExportRequest());
  }
}
