-- The studio's store as the first releases made it. IF NOT EXISTS: a SQLite file written
-- before Flyway already has these tables and is taken over as it is (baseline 0).
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, task_id TEXT NOT NULL,
  language TEXT NOT NULL, draft TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS media (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, user_id TEXT NOT NULL,
  seq INTEGER NOT NULL, filename TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,
  duration DOUBLE PRECISION NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, fps DOUBLE PRECISION NOT NULL,
  rotation INTEGER NOT NULL, has_audio INTEGER NOT NULL, video_codec TEXT, audio_codec TEXT,
  container TEXT, hash TEXT NOT NULL, size BIGINT NOT NULL, audio_channels INTEGER);
CREATE INDEX IF NOT EXISTS media_session ON media (session_id, seq);
CREATE TABLE IF NOT EXISTS renders (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, session_id TEXT NOT NULL,
  draft TEXT NOT NULL, status TEXT NOT NULL, progress DOUBLE PRECISION NOT NULL, error TEXT, output TEXT,
  minutes DOUBLE PRECISION NOT NULL, day TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS renders_user_day ON renders (user_id, day);
CREATE TABLE IF NOT EXISTS draft_history (session_id TEXT NOT NULL, stack TEXT NOT NULL, seq INTEGER NOT NULL,
  draft TEXT NOT NULL, PRIMARY KEY (session_id, stack, seq));
