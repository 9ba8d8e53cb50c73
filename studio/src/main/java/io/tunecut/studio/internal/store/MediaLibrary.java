package io.tunecut.studio.internal.store;

import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Accepted media. Paths are stored relative to the data directory. */
public final class MediaLibrary {
  private static final String COLUMNS =
      "id, session_id, user_id, filename, path, kind, duration, width, height, fps, rotation, has_audio,"
          + " video_codec, audio_codec, container, hash, size, audio_channels";
  private final Database db;
  private final Path dataDir;

  public MediaLibrary(Database db, Path dataDir) {
    this.db = db;
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  public synchronized void add(MediaRecord r) {
    Media m = r.media();
    MediaInfo i = m.info();
    int seq = db.one("SELECT COALESCE(MAX(seq), 0) + 1 FROM media WHERE session_id = ?",
        rs -> rs.getInt(1), r.sessionId()).orElse(1);
    db.update("INSERT INTO media (" + COLUMNS + ", seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.id(), r.sessionId(), r.userId(), m.filename(), dataDir.relativize(m.file().toAbsolutePath().normalize()).toString(),
        i.kind().name(), i.durationSeconds(), i.width(), i.height(), i.fps(), i.rotation(), i.hasAudio() ? 1 : 0,
        i.videoCodec(), i.audioCodec(), i.container(), r.hash(), r.size(), i.audioChannels(), seq);
  }

  /** The session's media in upload order. */
  public List<MediaRecord> ofSession(String sessionId, String userId) {
    return db.query("SELECT " + COLUMNS + " FROM media WHERE session_id = ? AND user_id = ? ORDER BY seq",
        this::map, sessionId, userId);
  }

  /** Any media by id, whoever owns it: for signed links, which carry their own proof. */
  public Optional<MediaRecord> byId(String id) {
    return db.one("SELECT " + COLUMNS + " FROM media WHERE id = ?", this::map, id);
  }

  /** The files of every session's media: the media a clean-up keeps. */
  public Set<Path> files() {
    return new HashSet<>(db.query("SELECT m.path FROM media m WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.id = m.session_id)",
        rs -> dataDir.resolve(rs.getString(1))));
  }

  /** Forgets media whose session is gone. @return how many */
  public int forgetOrphans() {
    return db.update("DELETE FROM media WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = media.session_id)");
  }

  private MediaRecord map(ResultSet rs) throws SQLException {
    MediaInfo info = new MediaInfo(
        MediaKind.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getDouble(7), rs.getInt(8), rs.getInt(9),
        rs.getDouble(10), rs.getInt(11), channels(rs), rs.getString(13), rs.getString(14), rs.getString(15));
    Media media = new Media(rs.getString(1), rs.getString(4), info, dataDir.resolve(rs.getString(5)));
    return new MediaRecord(media, rs.getString(2), rs.getString(3), rs.getString(16), rs.getLong(17));
  }

  /** Rows from before channels were stored count as stereo when they have sound. */
  private static int channels(ResultSet rs) throws SQLException {
    int channels = rs.getInt(18);
    if (!rs.wasNull()) return channels;
    return rs.getInt(12) != 0 ? 2 : 0;
  }
}
