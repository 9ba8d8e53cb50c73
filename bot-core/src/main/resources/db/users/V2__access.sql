-- What operators decide about a person (allowed at run time, banned, their own budget), what
-- each person used per day (UTC), and accounts joined into one person.
CREATE TABLE people (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  allowed INTEGER NOT NULL DEFAULT 0,
  banned INTEGER NOT NULL DEFAULT 0,
  renders_per_day INTEGER,
  minutes_per_day INTEGER,
  longest_clip_s INTEGER,
  credits_per_day DOUBLE PRECISION,
  PRIMARY KEY (platform, user_id));

CREATE TABLE daily_use (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  day TEXT NOT NULL,
  renders INTEGER NOT NULL DEFAULT 0,
  rendered_s INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  credits DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (platform, user_id, day));

CREATE TABLE links (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  owner_platform TEXT NOT NULL,
  owner_user_id TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (platform, user_id));

CREATE INDEX links_by_owner ON links (owner_platform, owner_user_id);

-- Only a hash of each code is kept: the code itself is shown once, to its owner.
CREATE TABLE link_codes (
  code_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  expires_at TEXT NOT NULL);
