-- The evidence of a signed consent (form version, step times, receipt) is part of what was
-- signed: after the signature it may only grow (the physician's explanation is added when
-- countersigning), never change or lose what it held; once completed, not at all.
create or replace function consent_form_signed_is_immutable() returns trigger
language plpgsql as $$
begin
    if old.signed_at is not null and (
        new.encrypted_responses is distinct from old.encrypted_responses
        or new.form_version_hash is distinct from old.form_version_hash
        or new.submission_id is distinct from old.submission_id
        or new.inbox_key_version is distinct from old.inbox_key_version
        or new.signed_at is distinct from old.signed_at
        or new.type is distinct from old.type
        or not (new.evidence @> old.evidence)
        or (old.status = 'COMPLETED' and new.evidence is distinct from old.evidence)
    ) then
        raise exception 'consent % is signed and cannot be changed', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
