-- Two-factor sign-in (issue 4): an enabled second factor always has its sealed secret
-- (docs/crypto.md, "TOTP secrets at rest"). Enrolment in progress = secret stored,
-- totp_enabled_at still null.
alter table "user"
    add constraint user_totp_enabled_has_secret
        check (totp_enabled_at is null or totp_secret_encrypted is not null);
