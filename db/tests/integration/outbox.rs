//! The outbox lease: a claimed message is no one else's until it is sent, failed, handed back
//! or its lease runs out; one handed back is due again at once and its attempt not counted; a
//! sender whose lease ran out cannot disturb the next holder.

use sqlx::PgPool;

async fn claim(pool: &PgPool) -> Vec<db::outbox::DueMail> {
    let mut conn = pool.acquire().await.expect("connection");
    db::outbox::claim_due(&mut conn, 20).await.expect("claim")
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn handed_back_messages_are_due_again_at_once_with_the_attempt_uncounted(pool: PgPool) {
    let mut conn = pool.acquire().await.expect("connection");
    let mut ids = Vec::new();
    for n in 0..3 {
        let to = format!("staff{n}@praxis.example");
        ids.push(
            db::outbox::enqueue(
                &mut conn,
                &db::outbox::NewMail {
                    practice_id: None,
                    to_address: &to,
                    subject: "Betreff",
                    body_text: "Text",
                },
            )
            .await
            .expect("queued"),
        );
    }
    let first = claim(&pool).await;
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|m| m.attempt == 1));
    assert!(claim(&pool).await.is_empty(), "leased to the first sender");

    let lease = |id| first.iter().find(|m| m.id == id).expect("claimed").lease;
    let leases: Vec<_> = ids.iter().map(|id| lease(*id)).collect();

    // The first sender sent one and ran short of its lease for the rest.
    db::outbox::mark_sent(&mut conn, ids[0])
        .await
        .expect("sent");
    db::outbox::release(&mut conn, &leases[1..])
        .await
        .expect("handed back");
    // Handing back a sent message changes nothing.
    db::outbox::release(&mut conn, &leases[..1])
        .await
        .expect("no-op");

    let again = claim(&pool).await;
    let mut again_ids: Vec<_> = again.iter().map(|m| m.id).collect();
    again_ids.sort();
    let mut rest = ids[1..].to_vec();
    rest.sort();
    assert_eq!(again_ids, rest, "the two handed back, not the sent one");
    assert!(
        again.iter().all(|m| m.attempt == 1),
        "the handed-back attempt is not counted: {:?}",
        again.iter().map(|m| m.attempt).collect::<Vec<_>>()
    );
    let sent: String = sqlx::query_scalar("select status::text from email_outbox where id = $1")
        .bind(ids[0])
        .fetch_one(&pool)
        .await
        .expect("status");
    assert_eq!(sent, "SENT");
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_sender_whose_lease_ran_out_leaves_the_new_holder_alone(pool: PgPool) {
    let mut conn = pool.acquire().await.expect("connection");
    let id = db::outbox::enqueue(
        &mut conn,
        &db::outbox::NewMail {
            practice_id: None,
            to_address: "staff@praxis.example",
            subject: "Betreff",
            body_text: "Text",
        },
    )
    .await
    .expect("queued");
    let stale = claim(&pool)
        .await
        .pop()
        .expect("claimed by the first sender")
        .lease;
    // The first sender stalls past its lease; a second server claims the message.
    sqlx::query(
        "update email_outbox set next_attempt_at = now() - interval '1 second' where id = $1",
    )
    .bind(id)
    .execute(&pool)
    .await
    .expect("lease run out");
    let current = claim(&pool)
        .await
        .pop()
        .expect("claimed by the second sender");
    assert_eq!((current.id, current.attempt), (id, 2));

    // The first sender wakes up: neither handing back nor a failure may end the new lease
    // (both did: a third round could then send the message a second time).
    db::outbox::release(&mut conn, &[stale])
        .await
        .expect("handed back");
    db::outbox::mark_failed(&mut conn, stale, "timed out", false)
        .await
        .expect("failure noted");
    assert!(
        claim(&pool).await.is_empty(),
        "still leased to the second sender"
    );
    let (attempts, error): (i32, Option<String>) =
        sqlx::query_as("select attempts, last_error from email_outbox where id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!((attempts, error), (2, None));

    // The current holder's failure is recorded.
    db::outbox::mark_failed(&mut conn, current.lease, "timed out", false)
        .await
        .expect("failure noted");
    let error: Option<String> =
        sqlx::query_scalar("select last_error from email_outbox where id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!(error.as_deref(), Some("timed out"));

    // Sent after all (a stale sender's mark_sent keeps the lease): a late failure report
    // must not put it back in the queue, without its address.
    let retry = {
        sqlx::query(
            "update email_outbox set next_attempt_at = now() - interval '1 second' where id = $1",
        )
        .bind(id)
        .execute(&pool)
        .await
        .expect("due again");
        claim(&pool).await.pop().expect("claimed again")
    };
    db::outbox::mark_sent(&mut conn, id).await.expect("sent");
    db::outbox::mark_failed(&mut conn, retry.lease, "timed out", false)
        .await
        .expect("late failure");
    let status: String = sqlx::query_scalar("select status::text from email_outbox where id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .expect("status");
    assert_eq!(status, "SENT");
}
