-- The key that signs download links: one row, made by the first studio that starts, so every
-- studio serving the API signs and verifies the same links without a shared disk.
CREATE TABLE link_key (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL, created_at BIGINT NOT NULL);
