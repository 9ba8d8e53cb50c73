-- Renders as queued tasks (db-scheduler's table), the attempts each took, and one row per
-- user and day that a submit locks, so quota checks hold across studios.
ALTER TABLE renders ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE renders ADD COLUMN started_at BIGINT;
CREATE INDEX renders_status ON renders (status);
CREATE TABLE quota_days (user_id TEXT NOT NULL, day TEXT NOT NULL, submits BIGINT NOT NULL,
  PRIMARY KEY (user_id, day));
CREATE TABLE scheduled_tasks (
  task_name TEXT NOT NULL,
  task_instance TEXT NOT NULL,
  task_data ${bytes},
  execution_time ${timestamp} NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by TEXT,
  last_success ${timestamp},
  last_failure ${timestamp},
  consecutive_failures INT,
  last_heartbeat ${timestamp},
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance));
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
