-- Reminder mails for consent links (DESIGN §5). The server keeps only the hash of a link's
-- token, so it can never write the link again later: a reminder is queued as a deferred outbox
-- mail at the one moment it holds the link and the address (staff mailing the link), and is
-- tied to its consent here so it can be held back and cancelled.

-- The consent this queued mail reminds of (null for every other mail). The composite key keeps
-- a reminder inside its consent's practice; without practice_id it would not be checked.
alter table email_outbox
    add column reminder_for_consent_id uuid,
    add constraint email_outbox_reminder_has_practice
        check (reminder_for_consent_id is null or practice_id is not null),
    add constraint email_outbox_reminder_for_consent_fkey
        foreign key (practice_id, reminder_for_consent_id)
        references consent_form (practice_id, id) on delete cascade;
create index email_outbox_reminder_idx on email_outbox (reminder_for_consent_id, practice_id)
    where reminder_for_consent_id is not null;

-- A reminder is only for a link nobody has started yet. Whatever moves a consent on (answers
-- saved, signed, revoked, expired; any code path, present or future) deletes its queued
-- reminder in the same transaction, so neither the address nor the link lingers in the queue
-- and a reminder can never reach a patient who already acted.
create function consent_form_cancel_reminder() returns trigger
language plpgsql as $$
begin
    delete from email_outbox
    where practice_id = new.practice_id and reminder_for_consent_id = new.id and status = 'QUEUED';
    return null;
end;
$$;
create trigger consent_form_cancel_reminder after update of status on consent_form
    for each row when (new.status is distinct from old.status and new.status <> 'PENDING')
    execute function consent_form_cancel_reminder();

-- A reminder waits for days, so its address and body (which holds the live link) are kept only
-- sealed at rest (crypto::AtRestKey, label derma-consent/v1/at-rest/outbox-mail): AES-256-GCM
-- under a key derived from DERMA_SERVER_SECRET, which the database never holds, bound to this
-- row's id and the column. The worker opens them just before sending. The subject stays in
-- clear and carries the practice name only. Checked here so that no code path can queue a
-- reminder in clear: a sealed row holds envelopes or nothing (cleared after sending).
alter table email_outbox
    add column sealed_at_rest boolean not null default false,
    add constraint email_outbox_sealed_fields check (
        not sealed_at_rest or (
            (to_address is null or to_address ~ '^atrest\.v1\.[A-Za-z0-9_-]+$')
            and (body_text = '' or body_text ~ '^atrest\.v1\.[A-Za-z0-9_-]+$')
            and body_html is null)),
    add constraint email_outbox_reminder_sealed
        check (reminder_for_consent_id is null or sealed_at_rest);
