-- What desks do with alerts (newswatch serve): acknowledge one, or mute a rule or a story for a while, with who and why.
CREATE TABLE IF NOT EXISTS alert_states (
    alert_id TEXT PRIMARY KEY, state TEXT NOT NULL, by_who TEXT NOT NULL, reason TEXT, at TIMESTAMPTZ NOT NULL);
CREATE TABLE IF NOT EXISTS mutes (
    target TEXT NOT NULL, kind TEXT NOT NULL, until TIMESTAMPTZ NOT NULL, by_who TEXT NOT NULL, reason TEXT,
    at TIMESTAMPTZ NOT NULL, PRIMARY KEY (kind, target));
