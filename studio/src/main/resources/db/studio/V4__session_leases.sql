-- One edit at a time per session across studios: the studio that holds a session's row until
-- it expires (renewed while the edit runs) is the only one changing that session.
CREATE TABLE session_leases (session_id TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);
