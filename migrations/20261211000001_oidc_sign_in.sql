-- Sign-in with Google or Microsoft (OpenID Connect, issue 4). Accounts are connected only by a
-- member who is signed in (never matched by an email address), one per provider and member.
create unique index account_one_per_provider on account (practice_id, user_id, provider);

-- A sign-in or connection started at a provider and not finished yet: at most ten minutes,
-- used once. Not a tenant table: a sign-in has no practice until it is finished.
create table oidc_login (
    id uuid primary key default gen_random_uuid(),
    -- SHA-256 of the `state` parameter that travels through the provider.
    state_hash bytea not null unique check (length(state_hash) = 32),
    -- SHA-256 of the value of the short-lived cookie set in the browser that started: the
    -- answer is only accepted in that same browser (no login CSRF).
    browser_hash bytea not null check (length(browser_hash) = 32),
    provider text not null check (provider in ('google', 'microsoft')),
    -- The ID token must carry this nonce.
    nonce text not null,
    -- PKCE (RFC 7636) code verifier: the code is worthless without it.
    pkce_verifier text not null,
    -- Set when a signed-in member connects an account; null for a sign-in. The connection is
    -- only made while the session that started it (SHA-256 of its id) is still live.
    practice_id uuid,
    user_id uuid,
    session_hash bytea check (session_hash is null or length(session_hash) = 32),
    expires_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((practice_id is null) = (user_id is null) and (user_id is null) = (session_hash is null)),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade
);
create index oidc_login_expires_idx on oidc_login (expires_at);
create index oidc_login_user_idx on oidc_login (practice_id, user_id);
create trigger oidc_login_updated_at before update on oidc_login for each row execute function set_updated_at();
