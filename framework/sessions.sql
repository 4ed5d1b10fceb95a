-- Server-side session state for framework.sessions.PostgresSessionStore.
-- `id` is the random session id carried by the session cookie; `state` the session's key/value pairs;
-- `deadline` the moment the session expires unless a request extends it (idle timeout).
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    state JSONB NOT NULL,
    deadline TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_deadline_idx ON sessions (deadline);
