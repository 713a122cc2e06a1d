-- Foundation: the enums of DESIGN §3 and the shared updated_at trigger.
-- Tables are named after the models of DESIGN §3 in snake_case, singular ("user" is quoted:
-- it is a reserved word in PostgreSQL).
-- Enum labels are SCREAMING_SNAKE_CASE and must match domain/ (a test compares them).

create type user_role as enum ('ADMIN', 'ARZT', 'EMPFANG');
create type consent_type as enum ('BOTOX', 'FILLER', 'LASER', 'CHEMICAL_PEEL', 'MICRONEEDLING', 'PRP');
create type consent_status as enum ('PENDING', 'FILLED', 'SIGNED', 'PAID', 'COMPLETED', 'EXPIRED', 'REVOKED');
create type subscription_plan as enum ('FREE_TRIAL', 'STARTER', 'PROFESSIONAL', 'ENTERPRISE');
create type subscription_status as enum ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED');

-- Product enums beyond the seed's five.
-- How a copy of the practice master key (PMK) is wrapped (DESIGN §4.2).
create type key_wrap_kind as enum ('PASSWORD', 'RECOVERY_CODE', 'SEALED_TO_MEMBER');
create type invite_status as enum ('PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED');
-- Single-use emailed tokens other than invite.
create type token_purpose as enum ('EMAIL_VERIFICATION', 'PASSWORD_RESET');
create type photo_kind as enum ('BEFORE', 'AFTER', 'PROGRESS');
create type outbox_status as enum ('QUEUED', 'SENT', 'FAILED');
-- Who withdrew a consent: the patient by their link, or a staff member.
create type revoked_by as enum ('PATIENT', 'STAFF');

-- Keeps updated_at honest without every query having to remember it.
create function set_updated_at() returns trigger
language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end;
$$;
