-- People not allowed to use the bot who were told so on a day (UTC): one polite answer a day,
-- kept here so a restart, or another instance on this store, does not tell them again.
CREATE TABLE refusals_told (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (platform, user_id, day));
