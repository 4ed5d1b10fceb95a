-- Newsletter authors: argon2id password hashes (PHC strings), never the passwords themselves.
CREATE TABLE users (
    user_id uuid NOT NULL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
);
