package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.draft.Transition;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The timelines the phrase corpus starts from, built the way uploads build them. */
final class Fixtures {
  /** A timeline and the session's files. */
  record Start(Draft draft, List<Media> media) {}

  private Fixtures() {}

  static Media video(String id, String name, double seconds) {
    return new Media(id, name, new MediaInfo(MediaKind.VIDEO, seconds, 1920, 1080, 30, 0, 2, "h264", "aac", "mov"), Path.of(name));
  }

  static Media audio(String id, String name, double seconds) {
    return new Media(id, name, new MediaInfo(MediaKind.AUDIO, seconds, 0, 0, 0, 0, 2, null, "mp3", "mp3"), Path.of(name));
  }

  static Media photo(String id, String name) {
    return new Media(id, name, new MediaInfo(MediaKind.IMAGE, 0, 1920, 1080, 0, 0, 0, "mjpeg", null, "image2"), Path.of(name));
  }

  /** Whether the session's studio can make music ("bare": clips alone; "composed": clips with music made for them). */
  static boolean composes(String name) {
    return name.equals("bare") || name.equals("composed");
  }

  static Start of(String name) {
    return of(name, null);
  }

  /** The fixture; "composed" has its upbeat pop made by {@code maker}, as asking for music would. */
  static Start of(String name, MusicMaker maker) {
    RuleAgent agent = new RuleAgent();
    List<Media> media = new ArrayList<>();
    switch (name) {
      case "empty" -> { }
      case "clips", "bare", "composed" -> media.addAll(List.of(video("v1", "beach.mp4", 10), video("v2", "city.mp4", 8)));
      case "track", "music", "title", "faded" -> media.addAll(List.of(video("v1", "beach.mp4", 10), video("v2", "city.mp4", 8),
          audio("a1", "lofi-chill.mp3", 120), audio("a2", "drums.wav", 30)));
      case "named" -> media.addAll(List.of(video("v1", "beach.mp4", 10), video("v2", "times-square.mp4", 6),
          video("v3", "sunset.mp4", 8), audio("a1", "lofi-chill.mp3", 120)));
      case "photo" -> media.addAll(List.of(video("v1", "beach.mp4", 10), photo("p1", "IMG_2041.jpg"),
          video("v2", "city.mp4", 8), audio("a1", "lofi-chill.mp3", 120)));
      case "photos" -> media.addAll(List.of(photo("p1", "IMG_2041.jpg"), video("v1", "beach.mp4", 10), photo("p2", "IMG_2042.jpg"),
          audio("a1", "lofi-chill.mp3", 120)));
      case "crossfaded" -> media.addAll(List.of(video("v1", "beach.mp4", 10), video("v2", "city.mp4", 8),
          audio("a1", "lofi-chill.mp3", 120)));
      case "tricky" -> media.addAll(List.of(photo("p1", "title-card.jpg"), video("v2", "music-festival.mp4", 8),
          video("v3", "loop.mp4", 5), audio("a1", "loop-beat.mp3", 60)));
      // what people film for one occasion, named as phones and people name files
      case "birthday" -> media.addAll(List.of(video("v1", "candles.mp4", 12), photo("p1", "cake.jpg"), photo("p2", "IMG_3001.jpg"),
          video("v2", "presents.mp4", 9), audio("a1", "happy-birthday.mp3", 60)));
      case "house" -> media.addAll(List.of(video("v1", "front-door.mp4", 6), video("v2", "kitchen.mp4", 9),
          video("v3", "living-room.mp4", 12), video("v4", "backyard.mp4", 8), audio("a1", "piano.mp3", 180)));
      case "wedding" -> media.addAll(List.of(video("v1", "vows.mp4", 20), video("v2", "first-dance.mp4", 16), audio("a1", "our-song.mp3", 240)));
      case "game" -> media.addAll(List.of(video("v1", "gameplay.mp4", 40), audio("a1", "phonk.mp3", 90)));
      case "pets" -> media.addAll(List.of(video("v1", "dog.mp4", 7), video("v2", "cat.mp4", 5), video("v3", "puppy-zoomies.mp4", 9),
          audio("a1", "ukulele.mp3", 60)));
      case "product" -> media.addAll(List.of(video("v1", "demo.mp4", 30), video("v2", "broll.mp4", 10)));
      default -> throw new IllegalArgumentException("no fixture " + name);
    }
    Draft draft = agent.afterUpload(agent.emptyDraft(), media, media);
    Media track = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).findFirst().orElse(null);
    if (name.equals("composed")) {
      Media made;
      try {
        made = maker.make(draft, media, new MusicMaker.Wish(null, 1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      media.add(made);
      // Made music goes in at 40% under clips that have sound of their own.
      draft = draft.withMusic(new Music("m1", made.id(), made.filename(), 0, draft.durationMs(), 0, 0.4, 0, 0, true, null, null));
    }
    if (!name.equals("track") && !name.equals("pets") && !name.equals("empty") && !composes(name) && !name.equals("clips") && track != null) {
      draft = draft.withMusic(new Music("m1", track.id(), track.filename(), 0, draft.durationMs(), 0, 1.0, 0, 0, true, null, null));
    }
    if (name.equals("title")) {
      draft = draft.withCaptions(List.of(Caption.of("title", "Summer", 0, 3000, "center")));
      draft = draft.withOutput(draft.output().withTitle("Summer"));
    }
    if (name.equals("wedding")) {
      draft = draft.withCaptions(List.of(Caption.of("title", "Anna & Tom", 0, 3000, "center")));
      draft = draft.withOutput(draft.output().withTitle("Anna & Tom"));
    }
    if (name.equals("crossfaded")) draft = draft.withTransition(Transition.crossfade(Transition.DEFAULT_MS));
    if (name.equals("faded")) draft = draft.withMusic(draft.music().withFades(1000, 2000).withVolume(0.5));
    return new Start(draft, media);
  }
}
