-- The `outbox` e-mail backend: messages are stored here instead of being sent, and listed at /dev/outbox.
CREATE TABLE email_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    html_body TEXT NOT NULL,
    text_body TEXT NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
