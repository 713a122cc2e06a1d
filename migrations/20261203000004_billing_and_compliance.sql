-- Billing, usage, the audit log and operational tables (outbox, rate limits, webhooks).

create table subscription (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null unique references practice (id) on delete cascade,
    plan subscription_plan not null default 'FREE_TRIAL',
    status subscription_status not null default 'TRIALING',
    stripe_customer_id text unique,
    stripe_subscription_id text unique,
    stripe_price_id text,
    -- Created time of the last Stripe event applied, so older events arriving late are ignored.
    last_event_at timestamptz,
    trial_ends_at timestamptz,
    current_period_start timestamptz,
    current_period_end timestamptz,
    cancel_at_period_end boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index subscription_status_idx on subscription (status);

-- Monthly counters for plan limits (consents per month, storage).
create table usage_counter (
    practice_id uuid not null references practice (id) on delete cascade,
    period_month date not null check (extract(day from period_month) = 1),
    consents_created integer not null default 0 check (consents_created >= 0),
    storage_bytes bigint not null default 0 check (storage_bytes >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (practice_id, period_month)
);

-- Append-only, hash-chained per practice (DESIGN §9). Ids only: no personal data in any column.
-- It has no updated_at on purpose: rows are never updated (the trigger below refuses it).
create table audit_log (
    id bigint generated always as identity primary key,
    practice_id uuid not null references practice (id) on delete restrict,
    -- Position in the practice's chain, gap-free from 1.
    seq bigint not null check (seq >= 1),
    action text not null check (action ~ '^[a-z][a-z0-9_.]*$'),
    entity_type text,
    entity_id uuid,
    actor_user_id uuid,
    -- IPv4 /24 or IPv6 /48 only.
    ip_truncated text,
    metadata jsonb not null default '{}'::jsonb,
    prev_hash bytea check (prev_hash is null or length(prev_hash) = 32),
    hash bytea not null check (length(hash) = 32),
    created_at timestamptz not null default now(),
    unique (practice_id, seq),
    check ((seq = 1) = (prev_hash is null))
);
create index audit_log_actor_idx on audit_log (practice_id, actor_user_id, created_at desc);
create index audit_log_entity_idx on audit_log (practice_id, entity_type, entity_id);

create function audit_log_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- Outgoing mail, sent by the server's own worker. Mails carry links and the practice name only,
-- never patient data; still, a link is a credential and an address is personal: the worker
-- clears to_address, body_text and body_html once a mail is sent or finally failed, and
-- last_error holds the SMTP status class only (enforced by the accounts/consent issues).
create table email_outbox (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid references practice (id) on delete cascade,
    to_address text,
    subject text not null,
    body_text text not null,
    body_html text,
    status outbox_status not null default 'QUEUED',
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    sent_at timestamptz,
    last_error text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'QUEUED';
create index email_outbox_practice_idx on email_outbox (practice_id);


-- Platform-level tables (not tenant data): fixed-window rate-limit counters shared by all app
-- servers, and received Stripe webhook events (idempotency by event id).
create table rate_limit_bucket (
    -- e.g. 'login:ip:203.0.113.0/24' or 'login:account:<uuid>'; never a raw address or email.
    bucket_key text not null,
    window_start timestamptz not null,
    hits integer not null default 0 check (hits >= 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (bucket_key, window_start)
);
create index rate_limit_bucket_window_idx on rate_limit_bucket (window_start);

create table webhook_event (
    -- Stripe's event id: each event is processed once.
    id text primary key,
    practice_id uuid references practice (id) on delete set null,
    event_type text not null,
    -- Stripe's own creation time of the event, for order-safe processing.
    stripe_created_at timestamptz not null,
    processed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index webhook_event_practice_idx on webhook_event (practice_id);

create trigger subscription_updated_at before update on subscription for each row execute function set_updated_at();
create trigger usage_counter_updated_at before update on usage_counter for each row execute function set_updated_at();
create trigger email_outbox_updated_at before update on email_outbox for each row execute function set_updated_at();
create trigger rate_limit_bucket_updated_at before update on rate_limit_bucket for each row execute function set_updated_at();
create trigger webhook_event_updated_at before update on webhook_event for each row execute function set_updated_at();
