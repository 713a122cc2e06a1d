//! The status machine (DESIGN §5) through the real server, exhaustively: a consent is brought
//! into every status it can reach, with and without a fee, and every event the server can cause
//! is tried on it: the patient's save and signed submission, the physician's countersignature,
//! the expiry job, withdrawal by staff and by the patient's own withdrawal link. What the server
//! does must be exactly what `domain::ConsentStatus::after` answers: the new status when it
//! allows the event, otherwise a refusal (never a 500) that leaves status and signed content as
//! they were. PAID is set here by hand, as the payment webhook will (billing comes later).

use app::consents::{hex, OpenConsent};
use domain::{ConsentEvent, ConsentStatus, Fee};

use crate::consent_submission::{
    answers, link, open, save, sealed, staff_call, submit, the_open, today, withdraw, ARZT, EMPFANG,
};
use crate::support::*;

/// What the server can do to a consent.
#[derive(Debug, Clone, Copy)]
enum Action {
    Save,
    Submit,
    Countersign,
    Expire,
    StaffRevoke,
    PatientWithdraws,
}

impl Action {
    const ALL: [Self; 6] = [
        Self::Save,
        Self::Submit,
        Self::Countersign,
        Self::Expire,
        Self::StaffRevoke,
        Self::PatientWithdraws,
    ];

    const fn event(self) -> ConsentEvent {
        match self {
            Self::Save => ConsentEvent::AnswersSaved,
            Self::Submit => ConsentEvent::Signed,
            Self::Countersign => ConsentEvent::Countersigned,
            Self::Expire => ConsentEvent::Expired,
            Self::StaffRevoke | Self::PatientWithdraws => ConsentEvent::Revoked,
        }
    }
}

/// One consent under test.
pub(crate) struct Case {
    pub(crate) id: String,
    token: String,
    open: OpenConsent,
    /// The patient's withdrawal token, once they have signed.
    withdrawal: Option<String>,
}

pub(crate) struct Staff {
    pub(crate) desk: String,
    pub(crate) arzt: String,
    pub(crate) patient: uuid::Uuid,
}

async fn status_and_content(pool: &PgPool, id: &str) -> (ConsentStatus, Option<String>) {
    let (status, content): (String, Option<String>) = sqlx::query_as(
        "select status::text, encrypted_responses from consent_form where id = $1::uuid",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .expect("consent");
    (
        ConsentStatus::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == status)
            .expect("a known status"),
        content,
    )
}

async fn sign(pool: &PgPool, case: &mut Case) {
    let withdrawal = crypto::Token::generate();
    let (status, body) = submit(
        pool,
        &case.token,
        &sealed(&case.open, &answers("Signiert", true)),
        &hex(withdrawal.hash().as_bytes()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    case.withdrawal = Some(withdrawal.to_text().as_str().to_owned());
}

async fn countersign(pool: &PgPool, staff: &Staff, id: &str) -> u16 {
    // Linked first where it can be: countersigning needs the patient the consent is for.
    let _ = staff_call(
        pool,
        &staff.arzt,
        "/api/link_consent_to_patient",
        &format!("consent_id={id}&patient_id={}", staff.patient),
    )
    .await;
    let day = today(pool).await;
    staff_call(
        pool,
        &staff.arzt,
        "/api/countersign_consent",
        &format!("consent_id={id}&explained_on={day}"),
    )
    .await
    .0
}

async fn expire(pool: &PgPool, id: &str) {
    sqlx::query(
        "update consent_form set expires_at = now() - interval '1 second' where id = $1::uuid",
    )
    .bind(id)
    .execute(pool)
    .await
    .expect("overdue");
    server::scheduler::expire_consents(pool)
        .await
        .expect("expiry job");
}

/// A consent brought into `status` the way the product gets it there.
pub(crate) async fn consent_in(
    pool: &PgPool,
    staff: &Staff,
    status: ConsentStatus,
    fee: Fee,
) -> Case {
    let fee_cents = matches!(fee, Fee::Due).then_some(9_900);
    let (created, token) = link(pool, &staff.desk, fee_cents).await;
    let mut case = Case {
        id: created.consent_id,
        open: the_open(open(pool, &token).await),
        token,
        withdrawal: None,
    };
    match status {
        ConsentStatus::Pending => {}
        ConsentStatus::Filled => {
            let draft = sealed(&case.open, &answers("Entwurf", false));
            assert_eq!(save(pool, &case.token, &draft).await, 200);
        }
        ConsentStatus::Signed => sign(pool, &mut case).await,
        ConsentStatus::Paid => {
            sign(pool, &mut case).await;
            mark_paid(pool, &case.id).await;
        }
        ConsentStatus::Completed => {
            sign(pool, &mut case).await;
            if matches!(fee, Fee::Due) {
                mark_paid(pool, &case.id).await;
            }
            assert_eq!(countersign(pool, staff, &case.id).await, 200);
        }
        ConsentStatus::Expired => expire(pool, &case.id).await,
        ConsentStatus::Revoked => {
            let (code, body) = staff_call(
                pool,
                &staff.desk,
                "/api/revoke_consent",
                &format!("consent_id={}", case.id),
            )
            .await;
            assert_eq!(code, 200, "{body}");
        }
    }
    assert_eq!(
        status_and_content(pool, &case.id).await.0,
        status,
        "set-up of {status:?} with {fee:?}"
    );
    case
}

/// What the payment webhook will do (billing is a later issue).
async fn mark_paid(pool: &PgPool, id: &str) {
    sqlx::query("update consent_form set status = 'PAID', paid_at = now() where id = $1::uuid")
        .bind(id)
        .execute(pool)
        .await
        .expect("paid");
}

/// Does `action` to the consent; the HTTP status of the request (200 for the expiry job).
async fn act(pool: &PgPool, staff: &Staff, case: &Case, action: Action) -> Option<u16> {
    Some(match action {
        Action::Save => {
            let draft = sealed(&case.open, &answers("Nachtrag", false));
            save(pool, &case.token, &draft).await
        }
        Action::Submit => {
            let again = crypto::Token::generate();
            submit(
                pool,
                &case.token,
                &sealed(&case.open, &answers("Zweitschrift", true)),
                &hex(again.hash().as_bytes()),
            )
            .await
            .0
        }
        Action::Countersign => countersign(pool, staff, &case.id).await,
        Action::Expire => {
            expire(pool, &case.id).await;
            200
        }
        Action::StaffRevoke => {
            staff_call(
                pool,
                &staff.desk,
                "/api/revoke_consent",
                &format!("consent_id={}", case.id),
            )
            .await
            .0
        }
        // Before the signature the patient holds no withdrawal link: nothing to try.
        Action::PatientWithdraws => withdraw(pool, case.withdrawal.as_deref()?).await,
    })
}

/// The demo practice's reception and physician signed in, and a patient of theirs.
pub(crate) async fn demo_staff(pool: &PgPool) -> Staff {
    server::seed::seed(pool).await.expect("seed");
    Staff {
        desk: demo_sign_in(pool, EMPFANG).await.0,
        arzt: demo_sign_in(pool, ARZT).await.0,
        patient: sqlx::query_scalar("select id from patient order by created_at limit 1")
            .fetch_one(pool)
            .await
            .expect("a seeded patient"),
    }
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn every_event_on_every_status_does_what_the_status_machine_says(pool: PgPool) {
    let staff = demo_staff(&pool).await;
    let mut tried = 0;
    for &status in ConsentStatus::ALL {
        for fee in [Fee::None, Fee::Due] {
            if status == ConsentStatus::Paid && fee == Fee::None {
                continue; // nothing to pay
            }
            for action in Action::ALL {
                let case = consent_in(&pool, &staff, status, fee).await;
                let before = status_and_content(&pool, &case.id).await;
                let Some(code) = act(&pool, &staff, &case, action).await else {
                    continue;
                };
                tried += 1;
                let (after, content) = status_and_content(&pool, &case.id).await;
                let what = format!("{action:?} on {status:?} with {fee:?}");
                assert!(code < 500, "{what}: answered {code}");
                if let Ok(next) = status.after(action.event(), fee) {
                    assert_eq!(code, 200, "{what}: allowed, yet answered {code}");
                    assert_eq!(after, next, "{what}");
                } else {
                    // Withdrawing an already withdrawn consent again (a double click, a
                    // second tab) is a friendly no-op, for staff and patient alike.
                    let repeat = matches!(action, Action::PatientWithdraws | Action::StaffRevoke)
                        && status == ConsentStatus::Revoked;
                    assert!(
                        code != 200 || matches!(action, Action::Expire) || repeat,
                        "{what}: refused by the machine, yet answered 200"
                    );
                    assert_eq!(after, status, "{what}: status changed");
                    assert_eq!(content, before.1, "{what}: content changed");
                }
            }
        }
    }
    // 13 set-ups × 6 actions, less the withdrawals without a withdrawal link (PENDING, FILLED,
    // EXPIRED and REVOKED have none; each with and without a fee).
    assert_eq!(tried, 13 * 6 - 8);
}

#[sqlx::test(migrator = "db::MIGRATOR")]
async fn a_consent_signed_on_a_form_this_build_does_not_know_is_not_countersigned(pool: PgPool) {
    let staff = demo_staff(&pool).await;
    let case = consent_in(&pool, &staff, ConsentStatus::Pending, Fee::None).await;
    // Signed on a form that is neither current nor kept among the superseded ones.
    sqlx::query(
        "update consent_form set status = 'SIGNED', signed_at = now(), encrypted_responses = 'x',
                inbox_key_version = 1, submission_id = gen_random_uuid(),
                form_version_hash = '\\x0101010101010101010101010101010101010101010101010101010101010101'
         where id = $1::uuid",
    )
    .bind(&case.id)
    .execute(&pool)
    .await
    .expect("signed");
    let day = today(&pool).await;
    let _ = staff_call(
        &pool,
        &staff.arzt,
        "/api/link_consent_to_patient",
        &format!("consent_id={}&patient_id={}", case.id, staff.patient),
    )
    .await;
    let (code, body) = staff_call(
        &pool,
        &staff.arzt,
        "/api/countersign_consent",
        &format!("consent_id={}&explained_on={day}", case.id),
    )
    .await;
    assert_eq!(code, 409, "{body}");
    assert!(body.contains("unknown to this version"), "{body}");
    assert_eq!(
        status_and_content(&pool, &case.id).await.0,
        ConsentStatus::Signed
    );
}
