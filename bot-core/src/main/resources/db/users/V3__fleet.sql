-- What bot instances sharing this store agree on. Times are epoch milliseconds.

-- Updates already taken by one instance: a platform delivers an update to one load-balanced
-- instance, but may deliver it again to another (a retry after a slow answer).
CREATE TABLE handled_updates (
  platform TEXT NOT NULL,
  update_id BIGINT NOT NULL,
  handled_at BIGINT NOT NULL,
  PRIMARY KEY (platform, update_id));

CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);

-- Which instance runs a person's turn, until when; the holder renews it while the turn runs.
CREATE TABLE turn_leases (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (platform, user_id));
