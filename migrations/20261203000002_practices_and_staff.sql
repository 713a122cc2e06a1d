-- Practices, their staff and tablets, vault key material and everything that authenticates.
-- Nothing here is patient data; key material is public keys or ciphertext envelopes only.

create table practice (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(name) between 1 and 200),
    street text not null default '',
    postal_code text not null default '',
    city text not null default '',
    country text not null default 'DE',
    -- Data-protection contact shown to patient (Art. 13 GDPR); a person or office, not a patient.
    dpo_name text not null default '',
    dpo_email text not null default '',
    -- Stripe Connect account for patient fees; null until the practice connects one.
    stripe_account_id text unique,
    -- Version of the practice master key that new wraps use; bumped on rotation (member removed).
    current_pmk_version integer not null default 1 check (current_pmk_version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table practice_settings (
    practice_id uuid primary key references practice (id) on delete cascade,
    logo_object_key text,
    -- A CSS hex colour for the patient pages' accent.
    brand_color text not null default '#2f6f62' check (brand_color ~ '^#[0-9a-fA-F]{6}$'),
    enabled_consent_types consent_type[] not null
        default array['BOTOX', 'FILLER', 'LASER', 'CHEMICAL_PEEL', 'MICRONEEDLING', 'PRP']::consent_type[],
    default_validity_days integer not null default 7 check (default_validity_days between 1 and 90),
    comprehension_check_enabled boolean not null default true,
    reminder_enabled boolean not null default true,
    reminder_delay_hours integer not null default 48 check (reminder_delay_hours between 1 and 720),
    default_fee_cents integer check (default_fee_cents >= 0),
    require_two_factor boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- The practice inbox key pairs (HPKE, X25519) and the blind-index key, one row per version.
-- The public key is stored in clear so patient devices can seal to it; the private key and
-- K_bidx are envelopes wrapped by the PMK in an ADMIN's browser.
create table practice_key (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    key_version integer not null check (key_version >= 1),
    pmk_version integer not null check (pmk_version >= 1),
    inbox_public_key bytea not null check (length(inbox_public_key) = 32),
    wrapped_inbox_private_key text not null,
    wrapped_blind_index_key text not null,
    -- Only the newest version receives new submissions; older ones stay for decryption.
    retired_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, key_version)
);
-- New submissions are sealed to exactly one current inbox key per practice.
create unique index practice_key_one_current on practice_key (practice_id) where retired_at is null;

create table "user" (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    -- Stored lower-cased and trimmed by the application; unique across the platform because
    -- sign-in starts from the address alone.
    email text not null unique check (email = lower(btrim(email)) and length(email) between 3 and 254),
    email_verified_at timestamptz,
    role user_role not null,
    display_name text not null default '',
    -- Argon2id PHC string of the login key the browser derives; the server never sees the
    -- password or the vault wrap key. Null for account that only sign in with OpenID Connect.
    password_hash text,
    -- Salt and Argon2id parameters the browser needs to derive its login and wrap keys.
    kdf_salt bytea check (kdf_salt is null or length(kdf_salt) = 16),
    kdf_memory_kib integer check (kdf_memory_kib is null or kdf_memory_kib >= 19456),
    kdf_iterations integer check (kdf_iterations is null or kdf_iterations >= 2),
    -- TOTP secret, encrypted at rest with a server key (it must be readable to verify codes).
    totp_secret_encrypted bytea,
    totp_enabled_at timestamptz,
    failed_login_count integer not null default 0 check (failed_login_count >= 0),
    last_failed_login_at timestamptz,
    locked_until timestamptz,
    locale text not null default 'de' check (locale in ('de', 'en')),
    -- The member's own X25519 key pair: the public key in clear, so an ADMIN can seal the PMK
    -- to them on invite; the private key as an envelope wrapped under their password (never
    -- readable by the server), so they can open a share days after it was made.
    public_key bytea check (public_key is null or length(public_key) = 32),
    wrapped_private_key text,
    -- Last TOTP time step accepted, so a code cannot be replayed within its window.
    totp_last_step bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- Lets other tables reference (practice_id, user_id) so a row can never point at a
    -- user of another practice.
    unique (practice_id, id)
);
create index user_practice_idx on "user" (practice_id);

create table two_factor_recovery_code (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null,
    user_id uuid not null,
    -- SHA-256 of a high-entropy one-time code.
    code_hash bytea not null unique check (length(code_hash) = 32),
    used_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade
);
create index two_factor_recovery_code_user_idx on two_factor_recovery_code (practice_id, user_id);

-- Copies of the PMK, each wrapped for one way of opening the vault (DESIGN §4.2).
-- user_id is null only for the recovery-code wrap.
create table key_wrap (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    user_id uuid,
    kind key_wrap_kind not null,
    pmk_version integer not null check (pmk_version >= 1),
    -- Versioned ciphertext envelope (base64url text form, see docs/crypto.md); KDF parameters
    -- travel inside it so the browser can refuse a downgrade.
    envelope text not null,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((kind = 'RECOVERY_CODE') = (user_id is null)),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade,
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by)
);
create unique index key_wrap_one_per_kind on key_wrap (practice_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, pmk_version);
create index key_wrap_user_idx on key_wrap (practice_id, user_id);
create index key_wrap_created_by_idx on key_wrap (practice_id, created_by);

-- OAuth / OpenID Connect accounts of users (Google, Microsoft). Provider tokens are encrypted
-- at rest with a server key; they grant nothing over patient data.
create table account (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null,
    user_id uuid not null,
    provider text not null check (provider in ('google', 'microsoft')),
    provider_account_id text not null,
    access_token_encrypted bytea,
    refresh_token_encrypted bytea,
    expires_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (provider, provider_account_id),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade
);
create index account_user_idx on account (practice_id, user_id);

create table invite (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    email text not null check (email = lower(btrim(email))),
    role user_role not null,
    -- SHA-256 of the 32-byte token in the invite link; the token itself is never stored.
    token_hash bytea not null unique check (length(token_hash) = 32),
    expires_at timestamptz not null,
    status invite_status not null default 'PENDING',
    invited_by uuid,
    accepted_by uuid,
    accepted_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, invited_by) references "user" (practice_id, id) on delete set null (invited_by),
    foreign key (practice_id, accepted_by) references "user" (practice_id, id) on delete set null (accepted_by)
);
create index invite_practice_status_idx on invite (practice_id, status);
-- At most one open invitation per address and practice.
create unique index invite_one_pending on invite (practice_id, email) where status = 'PENDING';
create index invite_invited_by_idx on invite (practice_id, invited_by);
create index invite_accepted_by_idx on invite (practice_id, accepted_by);

-- Email verification and password reset tokens: single use, expiring, stored as SHA-256.
create table auth_token (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null,
    user_id uuid not null,
    purpose token_purpose not null,
    token_hash bytea not null unique check (length(token_hash) = 32),
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade
);
create index auth_token_user_idx on auth_token (practice_id, user_id, purpose);
create index auth_token_expires_idx on auth_token (expires_at);

-- Server-side session, so any number of stateless app servers can run (DESIGN §11).
create table session (
    -- SHA-256 of the cookie value: a database leak does not hand out live session.
    id_hash bytea primary key check (length(id_hash) = 32),
    practice_id uuid not null,
    user_id uuid not null,
    two_factor_verified boolean not null default false,
    last_seen_at timestamptz not null default now(),
    -- Absolute limit (12 h); the idle limit is checked against last_seen_at.
    expires_at timestamptz not null,
    -- IPv4 /24 or IPv6 /48, for the user's own session list; never a full address.
    ip_truncated text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, user_id) references "user" (practice_id, id) on delete cascade
);
create index session_user_idx on session (practice_id, user_id);
create index session_expires_idx on session (expires_at);

-- Paired tablets (DESIGN §7). They hold only the practice public key, never a decryption key.
create table kiosk_device (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    name text not null check (length(name) between 1 and 100),
    device_token_hash bytea not null unique check (length(device_token_hash) = 32),
    paired_by uuid,
    last_seen_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, id),
    foreign key (practice_id, paired_by) references "user" (practice_id, id) on delete set null (paired_by)
);
create index kiosk_device_practice_idx on kiosk_device (practice_id);
create index kiosk_device_paired_by_idx on kiosk_device (practice_id, paired_by);

create trigger kiosk_device_updated_at before update on kiosk_device for each row execute function set_updated_at();
create trigger practice_updated_at before update on practice for each row execute function set_updated_at();
create trigger practice_settings_updated_at before update on practice_settings for each row execute function set_updated_at();
create trigger practice_key_updated_at before update on practice_key for each row execute function set_updated_at();
create trigger user_updated_at before update on "user" for each row execute function set_updated_at();
create trigger two_factor_recovery_code_updated_at before update on two_factor_recovery_code for each row execute function set_updated_at();
create trigger key_wrap_updated_at before update on key_wrap for each row execute function set_updated_at();
create trigger account_updated_at before update on account for each row execute function set_updated_at();
create trigger invite_updated_at before update on invite for each row execute function set_updated_at();
create trigger auth_token_updated_at before update on auth_token for each row execute function set_updated_at();
create trigger session_updated_at before update on session for each row execute function set_updated_at();
