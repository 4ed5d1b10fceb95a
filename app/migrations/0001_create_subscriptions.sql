-- The book's subscribers table: one row per e-mail address, pending until its link is clicked.
CREATE TABLE subscriptions (
    id uuid NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    subscribed_at timestamptz NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending_confirmation', 'confirmed'))
);
