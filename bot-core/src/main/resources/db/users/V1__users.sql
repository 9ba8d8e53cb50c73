-- The schema of the hand-written migrations (PRAGMA user_version 1): a database they made is
-- taken as this version and goes on from here. The key salt is added by the directory.
CREATE TABLE meta (name TEXT PRIMARY KEY, value ${bytes} NOT NULL);

CREATE TABLE users (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  token ${bytes},
  token_expires_at TEXT,
  backend_user_id TEXT,
  session_id TEXT,
  task_id TEXT,
  language TEXT,
  PRIMARY KEY (platform, user_id));

CREATE TABLE renders (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  render_id TEXT NOT NULL,
  chat_platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  chat_group INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (platform, user_id, position),
  FOREIGN KEY (platform, user_id) REFERENCES users (platform, user_id) ON DELETE CASCADE);
