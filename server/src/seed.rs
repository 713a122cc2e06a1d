//! `server seed`: a demo practice to try the product with (`make seed`, and `make run` on the
//! embedded database). Everything is made the way browsers make it — keys, wraps, envelopes
//! and blind indexes with the real crypto crate — only natively. Idempotent: when the demo
//! practice exists, it just prints the sign-in details again.

use crypto::{
    BirthDate, BlindIndexKey, InboxKeyPair, KdfParams, LoginVerifier, MemberKeyPair, ObjectId,
    PasswordKeys, PracticeId, PracticeMasterKey, RecoveryCode, Token, UserId,
};
use domain::{ConsentType, Email, PracticeName, UserRole};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{startup, Settings, StartupError};

/// The shared demo password. Demo only: it is printed on every run.
pub const DEMO_PASSWORD: &str = "Demo-Praxis-2026!";
const PRACTICE: &str = "Hautarztpraxis Dr. Demo";
const STAFF: [(&str, UserRole); 3] = [
    ("admin@demo.derma-consent.test", UserRole::Admin),
    ("arzt@demo.derma-consent.test", UserRole::Arzt),
    ("empfang@demo.derma-consent.test", UserRole::Empfang),
];
/// Invented people; any resemblance is coincidental.
const PATIENTS: [(&str, &str, (u16, u8, u8)); 3] = [
    ("Erika", "Mustermann", (1984, 3, 12)),
    ("Jürgen", "Müller-Lüdenscheidt", (1971, 11, 2)),
    ("Ayşe", "Yılmaz", (1993, 6, 30)),
];

pub async fn run(settings: &Settings) -> Result<(), StartupError> {
    // The demo password is public: never create these accounts on a real deployment.
    if settings.is_https() && std::env::var("DERMA_ALLOW_DEMO_SEED").as_deref() != Ok("true") {
        return Err(StartupError::Seed(
            "refusing to create demo accounts on an https deployment (set DERMA_ALLOW_DEMO_SEED=true if this really is a demo server)".to_owned(),
        ));
    }
    let pool = startup::connect_and_migrate(settings).await?;
    let links = seed(&pool).await?;
    print_details(links.as_deref());
    Ok(())
}

/// Creates the demo practice unless it exists; returns the patient links it made (`None`
/// when the practice was already there).
pub async fn seed(pool: &db::PgPool) -> Result<Option<Vec<(ConsentType, String)>>, StartupError> {
    let mut tx = pool.begin().await.map_err(db::DbError::from)?;
    let admin_email = Email::parse(STAFF[0].0).map_err(|e| seed_error(&e))?;
    if db::staff::login_record(&mut tx, &admin_email)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    let links = create(&mut tx).await?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(Some(links))
}

fn seed_error(error: &dyn std::fmt::Display) -> StartupError {
    StartupError::Seed(error.to_string())
}

struct Credentials {
    params: KdfParams,
    keys: PasswordKeys,
    verifier: LoginVerifier,
}

fn credentials() -> Result<Credentials, StartupError> {
    let params = KdfParams::generate();
    let keys = PasswordKeys::derive(DEMO_PASSWORD, &params).map_err(|e| seed_error(&e))?;
    let verifier = LoginVerifier::create(keys.login_key());
    Ok(Credentials {
        params,
        keys,
        verifier,
    })
}

fn kdf_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// What later steps of the seed need from the first.
struct Demo {
    practice_uuid: Uuid,
    admin_id: Uuid,
    practice: PracticeId,
    master: PracticeMasterKey,
    blind_index: BlindIndexKey,
}

async fn create(tx: &mut PgConnection) -> Result<Vec<(ConsentType, String)>, StartupError> {
    let demo = practice_with_vault(tx).await?;
    add_members(tx, &demo).await?;
    let patients = add_patients(tx, &demo).await?;
    add_links(tx, &demo, &patients).await
}

async fn practice_with_vault(tx: &mut PgConnection) -> Result<Demo, StartupError> {
    let admin_email = Email::parse(STAFF[0].0).map_err(|e| seed_error(&e))?;
    let admin = credentials()?;
    let registered = db::practice::register(
        tx,
        &PracticeName::parse(PRACTICE).map_err(|e| seed_error(&e))?,
        &db::practice::AdminCredentials {
            email: &admin_email,
            login_verifier_phc: admin.verifier.as_str(),
            kdf_salt: admin.params.salt(),
            kdf_memory_kib: kdf_i32(admin.params.memory_kib()),
            kdf_iterations: kdf_i32(admin.params.iterations()),
            locale: "de",
        },
        None,
    )
    .await
    .map_err(|e| seed_error(&e))?;
    let (practice_uuid, admin_id) = (registered.practice_id, registered.admin_id);
    db::staff::mark_email_verified(tx, practice_uuid, admin_id).await?;
    let practice = PracticeId::from_bytes(*practice_uuid.as_bytes());

    // The vault, as the ADMIN's browser sets it up.
    let master = PracticeMasterKey::generate(practice, 1);
    let inbox = InboxKeyPair::generate(1);
    let blind_index = BlindIndexKey::generate(practice, 1);
    let admin_member = MemberKeyPair::generate(1);
    let admin_user = UserId::from_bytes(*admin_id.as_bytes());
    db::vault::create(
        tx,
        practice_uuid,
        admin_id,
        &db::vault::NewVault {
            inbox_public_key: inbox.public_key().as_raw(),
            wrapped_inbox_private_key: &master.wrap_inbox_key(&inbox).to_text(),
            wrapped_blind_index_key: &master.wrap_blind_index_key(&blind_index).to_text(),
            admin_password_wrap: &master
                .wrap_with_password(admin.keys.wrap_key(), admin_user)
                .to_text(),
            recovery_wrap: &master
                .wrap_with_recovery_code(&RecoveryCode::generate())
                .to_text(),
            admin_public_key: admin_member.public_key().as_raw(),
            admin_wrapped_private_key: &admin_member
                .wrap_with_password(admin.keys.wrap_key(), practice, admin_user)
                .to_text(),
        },
        None,
    )
    .await
    .map_err(|e| seed_error(&e))?;
    Ok(Demo {
        practice_uuid,
        admin_id,
        practice,
        master,
        blind_index,
    })
}

/// The other members, with the vault already shared and re-wrapped under their passwords.
async fn add_members(tx: &mut PgConnection, demo: &Demo) -> Result<(), StartupError> {
    let Demo {
        practice_uuid,
        admin_id,
        practice,
        master,
        ..
    } = demo;
    let (practice_uuid, admin_id, practice) = (*practice_uuid, *admin_id, *practice);
    for (email, role) in &STAFF[1..] {
        let member = credentials()?;
        let email = Email::parse(email).map_err(|e| seed_error(&e))?;
        let id = db::staff::create_member(
            tx,
            &db::staff::NewMember {
                practice_id: practice_uuid,
                email: &email,
                role: *role,
                login_verifier_phc: member.verifier.as_str(),
                kdf_salt: member.params.salt(),
                kdf_memory_kib: kdf_i32(member.params.memory_kib()),
                kdf_iterations: kdf_i32(member.params.iterations()),
                email_verified: true,
            },
        )
        .await?;
        let user = UserId::from_bytes(*id.as_bytes());
        let pair = MemberKeyPair::generate(1);
        db::vault::add_member(
            tx,
            practice_uuid,
            &db::vault::MemberKeys {
                user_id: id,
                password_wrap: &master
                    .wrap_with_password(member.keys.wrap_key(), user)
                    .to_text(),
                public_key: pair.public_key().as_raw(),
                wrapped_private_key: &pair
                    .wrap_with_password(member.keys.wrap_key(), practice, user)
                    .to_text(),
            },
            admin_id,
        )
        .await?;
    }
    Ok(())
}

/// Patients, sealed by the same code as a staff browser uses (`app::patients`).
async fn add_patients(tx: &mut PgConnection, demo: &Demo) -> Result<Vec<Uuid>, StartupError> {
    let mut patient_ids = Vec::new();
    for (first, last, (year, month, day)) in PATIENTS {
        let id = ObjectId::generate();
        let details = app::patients::PatientDetails {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            birth_date: BirthDate::new(year, month, day).map_err(|e| seed_error(&e))?,
            email: None,
        };
        let new = details
            .seal(id, &demo.master, &demo.blind_index)
            .map_err(|e| seed_error(&e))?;
        let uuid = Uuid::from_bytes(*id.as_bytes());
        app::patients::store(tx, demo.practice_uuid, demo.admin_id, uuid, &new).await?;
        patient_ids.push(uuid);
    }
    Ok(patient_ids)
}

/// Two open consent links, as reception would send them.
async fn add_links(
    tx: &mut PgConnection,
    demo: &Demo,
    patient_ids: &[Uuid],
) -> Result<Vec<(ConsentType, String)>, StartupError> {
    let mut links = Vec::new();
    for (patient, kind) in patient_ids
        .iter()
        .zip([ConsentType::Botox, ConsentType::Laser])
    {
        let token = Token::generate();
        db::consent::create_link(
            tx,
            &db::consent::NewConsentLink {
                practice_id: demo.practice_uuid,
                patient_id: Some(*patient),
                kind,
                token_hash: token.hash().as_bytes(),
                valid_days: 7,
                fee_cents: None,
                locale: "de",
                created_by: demo.admin_id,
            },
        )
        .await?;
        links.push((kind, token.to_text().to_string()));
    }
    Ok(links)
}

#[allow(clippy::print_stdout)] // The seed's output is for the person running it.
fn print_details(links: Option<&[(ConsentType, String)]>) {
    match links {
        Some(_) => println!("Demo practice \"{PRACTICE}\" created."),
        None => println!("Demo practice \"{PRACTICE}\" already exists."),
    }
    println!("Sign in at /login with one of (password for all: {DEMO_PASSWORD}):");
    for (email, role) in STAFF {
        println!("  {role:<8} {email}");
    }
    for (kind, token) in links.unwrap_or_default() {
        println!("  patient link ({kind}): /c#{token}");
    }
}
