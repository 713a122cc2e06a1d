-- Patients, consent forms and treatment records. Every column that could identify a patient or
-- describe their health is a ciphertext envelope made in a browser (DESIGN §4.3); the server
-- sees only envelopes, keyed lookup hashes and non-identifying metadata.

create table patient (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete restrict,
    encrypted_first_name text not null,
    encrypted_last_name text not null,
    encrypted_date_of_birth text not null,
    encrypted_email text,
    -- The patient's content key, wrapped by the practice master key (DESIGN §4.3): the four
    -- fields above are encrypted under it, so re-keying touches one column, not four.
    wrapped_content_key text not null,
    -- Blind index (HMAC over the canonical name + birth date, DESIGN §4.4), possibly truncated,
    -- so several patient may share one value: never make it unique.
    lookup_hash bytea not null,
    -- Canonicaliser/index version, so indexes can be recomputed when it changes.
    lookup_hash_version smallint not null default 1,
    email_lookup_hash bytea,
    -- Records are kept 10 years after the last treatment (§630f BGB); deletion before that date
    -- is refused, afterwards the keys are destroyed (crypto-shredding) and shredded_at is set.
    retain_until date,
    shredded_at timestamptz,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, id),
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by)
);
create index patient_lookup_idx on patient (practice_id, lookup_hash);
create index patient_email_lookup_idx on patient (practice_id, email_lookup_hash) where email_lookup_hash is not null;
create index patient_created_by_idx on patient (practice_id, created_by);

create table consent_form (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete restrict,
    -- Null until staff link a submission to a patient.
    patient_id uuid,
    type consent_type not null,
    status consent_status not null default 'PENDING',
    -- SHA-256 of the 32-byte link token; the token lives only in the patient's link. Null for
    -- consents filled on a practice tablet, which have kiosk_device_id instead.
    token_hash bytea unique check (length(token_hash) = 32),
    kiosk_device_id uuid,
    -- SHA-256 of the patient's withdrawal token, which keeps working after expires_at.
    withdrawal_token_hash bytea unique check (length(withdrawal_token_hash) = 32),
    -- A correction is a new consent that supersedes the original; both stay visible (§630f).
    supersedes_id uuid,
    expires_at timestamptz not null,
    -- Patient language of the form, e.g. 'de'; not identifying on its own.
    locale text not null default 'de',
    -- HPKE envelope sealed in the patient's browser to the practice inbox key.
    encrypted_responses text,
    -- Inbox key version the envelope was sealed to.
    inbox_key_version integer,
    -- Client-generated id of the submission; accepted exactly once (kiosk sync retries).
    submission_id uuid unique,
    -- SHA-256 of the exact form definition and text shown to the patient.
    form_version_hash bytea check (form_version_hash is null or length(form_version_hash) = 32),
    -- Non-identifying evidence: step timestamps, form version, countersignature metadata.
    evidence jsonb not null default '{}'::jsonb,
    fee_cents integer check (fee_cents is null or fee_cents >= 0),
    currency text not null default 'EUR',
    stripe_checkout_session_id text unique,
    stripe_payment_intent_id text unique,
    filled_at timestamptz,
    signed_at timestamptz,
    paid_at timestamptz,
    completed_at timestamptz,
    expired_at timestamptz,
    revoked_at timestamptz,
    revoked_by revoked_by,
    reminder_sent_at timestamptz,
    retain_until date,
    created_by uuid,
    countersigned_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, id),
    check ((token_hash is null) <> (kiosk_device_id is null)),
    check ((status = 'REVOKED') = (revoked_at is not null and revoked_by is not null)),
    check (status not in ('SIGNED', 'PAID', 'COMPLETED') or (signed_at is not null and encrypted_responses is not null)),
    check (status <> 'COMPLETED' or (completed_at is not null and countersigned_by is not null)),
    -- An envelope is only ever stored together with everything needed to open and verify it.
    check (encrypted_responses is null
           or (inbox_key_version is not null and form_version_hash is not null and submission_id is not null)),
    foreign key (practice_id, patient_id) references patient (practice_id, id) on delete restrict,
    foreign key (practice_id, kiosk_device_id) references kiosk_device (practice_id, id) on delete restrict,
    foreign key (practice_id, supersedes_id) references consent_form (practice_id, id) on delete restrict,
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by),
    foreign key (practice_id, countersigned_by) references "user" (practice_id, id) on delete set null (countersigned_by)
);
-- Dashboard and inbox: a practice's consents by status, newest first.
create index consent_form_practice_status_idx on consent_form (practice_id, status, created_at desc);
create index consent_form_practice_recent_idx on consent_form (practice_id, created_at desc);
create index consent_form_kiosk_idx on consent_form (practice_id, kiosk_device_id) where kiosk_device_id is not null;
create index consent_form_supersedes_idx on consent_form (practice_id, supersedes_id) where supersedes_id is not null;
create index consent_form_patient_idx on consent_form (practice_id, patient_id) where patient_id is not null;
-- Expiry and reminder jobs scan open consents by expiry across practice.
create index consent_form_open_expiry_idx on consent_form (expires_at) where status in ('PENDING', 'FILLED');
create index consent_form_created_by_idx on consent_form (practice_id, created_by);
create index consent_form_countersigned_by_idx on consent_form (practice_id, countersigned_by);

-- Reusable plan templates: products, typical units; never patient data.
create table treatment_template (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete cascade,
    name text not null check (length(name) between 1 and 200),
    consent_type consent_type,
    body jsonb not null default '{}'::jsonb,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by)
);
create index treatment_template_practice_idx on treatment_template (practice_id);
create index treatment_template_created_by_idx on treatment_template (practice_id, created_by);

create table treatment_plan (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete restrict,
    patient_id uuid not null,
    consent_form_id uuid,
    -- Areas, products, units, lot numbers, notes: one envelope under a fresh content key,
    -- which is stored wrapped by the practice master key.
    encrypted_data text not null,
    wrapped_content_key text not null,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (practice_id, id),
    foreign key (practice_id, patient_id) references patient (practice_id, id) on delete restrict,
    foreign key (practice_id, consent_form_id) references consent_form (practice_id, id) on delete restrict,
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by)
);
create index treatment_plan_patient_idx on treatment_plan (practice_id, patient_id);
create index treatment_plan_consent_idx on treatment_plan (practice_id, consent_form_id);
create index treatment_plan_created_by_idx on treatment_plan (practice_id, created_by);

create table treatment_photo (
    id uuid primary key default gen_random_uuid(),
    practice_id uuid not null references practice (id) on delete restrict,
    patient_id uuid not null,
    treatment_plan_id uuid,
    kind photo_kind not null,
    -- Body region, capture date, notes, device: one envelope (a region next to a patient id
    -- would already say what was treated). The photo bytes and this metadata share one
    -- content key, stored wrapped by the practice master key.
    encrypted_metadata text not null,
    wrapped_content_key text not null,
    -- Key of the encrypted bytes in the object store (local folder or S3-compatible).
    object_key text not null unique,
    ciphertext_bytes bigint not null check (ciphertext_bytes >= 0),
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    foreign key (practice_id, patient_id) references patient (practice_id, id) on delete restrict,
    foreign key (practice_id, treatment_plan_id) references treatment_plan (practice_id, id) on delete restrict,
    foreign key (practice_id, created_by) references "user" (practice_id, id) on delete set null (created_by)
);
create index treatment_photo_patient_idx on treatment_photo (practice_id, patient_id);
create index treatment_photo_plan_idx on treatment_photo (practice_id, treatment_plan_id);
create index treatment_photo_created_by_idx on treatment_photo (practice_id, created_by);

-- A signed consent is immutable (§630f BGB): what the patient signed can never change.
create function consent_form_signed_is_immutable() returns trigger
language plpgsql as $$
begin
    if old.signed_at is not null and (
        new.encrypted_responses is distinct from old.encrypted_responses
        or new.form_version_hash is distinct from old.form_version_hash
        or new.submission_id is distinct from old.submission_id
        or new.inbox_key_version is distinct from old.inbox_key_version
        or new.signed_at is distinct from old.signed_at
        or new.type is distinct from old.type
    ) then
        raise exception 'consent % is signed and cannot be changed', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
create trigger consent_form_signed_immutable before update on consent_form
    for each row execute function consent_form_signed_is_immutable();

create trigger patient_updated_at before update on patient for each row execute function set_updated_at();
create trigger consent_form_updated_at before update on consent_form for each row execute function set_updated_at();
create trigger treatment_template_updated_at before update on treatment_template for each row execute function set_updated_at();
create trigger treatment_plan_updated_at before update on treatment_plan for each row execute function set_updated_at();
create trigger treatment_photo_updated_at before update on treatment_photo for each row execute function set_updated_at();
