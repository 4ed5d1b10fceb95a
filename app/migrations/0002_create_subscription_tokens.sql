-- Confirmation tokens: the secret part of the link sent in the "Welcome!" e-mail.
CREATE TABLE subscription_tokens (
    subscription_token TEXT NOT NULL PRIMARY KEY,
    subscriber_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE
);
CREATE INDEX subscription_tokens_subscriber_id_idx ON subscription_tokens (subscriber_id);
