-- More of what bot instances sharing this store agree on. Times are epoch milliseconds.

-- An album's items as each instance received them, until one instance takes the whole album:
-- a load balancer may post the items of one album to different instances.
CREATE TABLE album_parts (
  album TEXT NOT NULL,
  sender TEXT NOT NULL,
  item_id BIGINT NOT NULL,
  payload TEXT NOT NULL,
  arrived_at BIGINT NOT NULL,
  PRIMARY KEY (album, item_id));

CREATE INDEX album_parts_by_sender ON album_parts (sender);

-- Which instance watches a render and delivers it, until when; the holder renews it while it
-- watches, and a live instance takes over a watch that ran out. Delivering is set once, by the
-- one instance that sends the video.
CREATE TABLE render_watches (
  render_id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  chat_platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  chat_group INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  delivering INTEGER NOT NULL DEFAULT 0);

CREATE INDEX render_watches_by_user ON render_watches (platform, user_id);

-- /cancel typed at one instance while another runs the person's turn: the holder stops it.
ALTER TABLE turn_leases ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
