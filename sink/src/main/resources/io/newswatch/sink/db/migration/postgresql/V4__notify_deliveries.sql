-- What newswatch notify has delivered, per channel and alert: a replay after a restart sends nothing twice, and an
-- update is sent only when it matters (severity raised, or enough new articles).
CREATE TABLE IF NOT EXISTS notify_deliveries (
    channel TEXT NOT NULL, alert_id TEXT NOT NULL, version INTEGER NOT NULL, article_count INTEGER NOT NULL,
    severity TEXT NOT NULL, delivered_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (channel, alert_id));
