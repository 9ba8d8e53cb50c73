package io.tunecut.studio.internal.agent;

import java.util.List;

/** The instructions the agent knows, in the order they read each clause. */
public final class Instructions {
  private Instructions() {}

  /**
   * Order matters: what the studio cannot do is said before text and sound read its words; text comes first so its words are never read as anything else; a photo's
   * length before questions of length ("照片多停留几秒"); crossfades before the music's fades
   * ("fade between the clips"); music is
   * added before its volume, fades and start are set; clips are reordered and trimmed before
   * the whole is fitted to a length. To teach the agent a new kind of instruction, add its
   * class here.
   */
  public static List<Instruction> standard() {
    return List.of(
        new StateQuestion(),
        new SetLook(),
        new Unsupported(),
        new TextInTheWay(),
        new SetText(),
        new LeaveAlone(),
        new StillLength(),
        new Talk(),
        new HearThem(),
        new ShowClips(),
        new Crossfades(),
        new NoMusicOnClip(),
        new RemoveMusic(),
        new ComposeMusic(),
        new TrackLimits(),
        new AddMusic(),
        new ClipOrder(),
        new CutRange(),
        new ClipTrim(),
        new ClipTooLong(),
        new ClipSpeed(),
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
