-- Team changes (issue 4): a removed member's row stays (consents they created or countersigned
-- must remain attributable), but the account can no longer sign in and holds no keys.
alter table "user" add column removed_at timestamptz;
create index user_active_idx on "user" (practice_id) where removed_at is null;

-- Set when a member who could open the vault is removed; cleared by the key rotation
-- (docs/crypto.md §9.6) that an ADMIN's browser performs.
alter table practice add column key_rotation_due_at timestamptz;

-- The rotation chain: the previous master key wrapped under this row's master key, so data
-- sealed before a rotation stays reachable from the newest key. Null for the first version.
alter table practice_key add column wrapped_previous_master_key text;
