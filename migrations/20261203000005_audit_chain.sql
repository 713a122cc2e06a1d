-- The audit log's hash chain (DESIGN §9): each entry's hash covers the previous entry's hash and
-- every column of the entry, so a changed, removed or reordered row breaks the chain from there
-- on. The same function computes hashes on append and on verification. It is integrity
-- protection of ids and metadata, not encryption: no patient data is ever in these rows.

create function audit_entry_hash(
    prev_hash bytea,
    practice_id uuid,
    seq bigint,
    action text,
    entity_type text,
    entity_id uuid,
    actor_user_id uuid,
    ip_truncated text,
    metadata jsonb,
    created_at timestamptz
) returns bytea
language sql immutable parallel safe as $$
    select sha256(
        coalesce(prev_hash, ''::bytea)
        || convert_to(
            concat_ws(
                chr(31),
                'audit/v1',
                practice_id::text,
                seq::text,
                action,
                coalesce(entity_type, ''),
                coalesce(entity_id::text, ''),
                coalesce(actor_user_id::text, ''),
                coalesce(ip_truncated, ''),
                -- jsonb prints keys in a fixed order, so the text is canonical.
                metadata::text,
                (extract(epoch from created_at) * 1000000)::bigint::text
            ),
            'UTF8'
        )
    )
$$;
