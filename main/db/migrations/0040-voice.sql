-- Voice sessions (one per WebSocket connection to /ws) and the recordings the owner chose to keep
-- (settings.recordVoice). Recordings are WAV files under the data dir; the row holds the relative
-- path. They are deleted after settings.recordingRetentionDays by the voice cleanup job.

CREATE TABLE voice_sessions (
  id            TEXT PRIMARY KEY,                -- random, also sent to the client
  counter       TEXT NOT NULL DEFAULT 'main',
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  utterances    INTEGER NOT NULL DEFAULT 0,
  stt_provider  TEXT,
  tts_provider  TEXT
) STRICT;
CREATE INDEX voice_sessions_started ON voice_sessions(started_at);

CREATE TABLE recordings (
  id            TEXT PRIMARY KEY,                -- random; the signed URL names it
  session_id    TEXT NOT NULL REFERENCES voice_sessions(id),
  file          TEXT NOT NULL,                   -- relative to the data dir
  started_at    TEXT NOT NULL,
  ended_at      TEXT NOT NULL,
  duration_ms   INTEGER NOT NULL CHECK (duration_ms >= 0),
  bytes         INTEGER NOT NULL CHECK (bytes >= 0),
  sample_rate   INTEGER NOT NULL DEFAULT 16000
) STRICT;
CREATE INDEX recordings_session ON recordings(session_id, started_at);
CREATE INDEX recordings_started ON recordings(started_at);
