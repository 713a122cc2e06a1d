-- The evidence of a signed consent (form version, step times, receipt) is part of what was
-- signed: after the signature nothing in it changes, is added or removed, except that the
-- physician's explanation is written once when countersigning. Completion is final: a
-- completed consent keeps its status, completion time, countersigner and evidence (without
-- this, setting the status back first would have reopened the evidence).
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
        or new.withdrawal_token_hash is distinct from old.withdrawal_token_hash
        or (new.evidence - 'explanation') is distinct from (old.evidence - 'explanation')
        or (old.evidence ? 'explanation'
            and new.evidence -> 'explanation' is distinct from old.evidence -> 'explanation')
    ) then
        raise exception 'consent % is signed and cannot be changed', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if old.completed_at is not null and (
        new.status is distinct from old.status
        or new.completed_at is distinct from old.completed_at
        or new.countersigned_by is distinct from old.countersigned_by
        or new.evidence is distinct from old.evidence
    ) then
        raise exception 'consent % is completed and cannot be changed', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
