//! Native timings of the operations the issue budgets (criterion). The same operations are
//! timed in WASM by `tests/wasm_bench.rs`; `crypto/bench.sh` runs both and prints one table.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::Criterion;
    use crypto::{
        BirthDate, BlindIndexKey, ConsentId, ContentKey, FormHash, InboxKeyPair, KdfParams,
        ObjectContext, ObjectId, PasswordKeys, PracticeId, PracticeMasterKey, SubmissionContext,
        SubmissionId, UserId,
    };

    const PRACTICE: PracticeId = PracticeId::from_bytes([1; 16]);
    const USER: UserId = UserId::from_bytes([2; 16]);

    pub fn hpke(c: &mut Criterion) {
        let inbox = InboxKeyPair::generate(1);
        let context = SubmissionContext {
            practice_id: PRACTICE,
            consent_id: ConsentId::from_bytes([3; 16]),
            form_hash: FormHash::of(b"form"),
            submission_id: SubmissionId::from_bytes([4; 16]),
        };
        let form = vec![0x5Au8; 4096];
        c.bench_function("hpke_seal_open_4k", |b| {
            b.iter(|| {
                let sealed = inbox
                    .public_key()
                    .seal_submission(black_box(&form), &context)
                    .expect("seal");
                inbox.open_submission(&sealed, &context).expect("open")
            });
        });
    }

    pub fn password_unwrap(c: &mut Criterion) {
        let params = KdfParams::generate();
        let pmk = PracticeMasterKey::generate(PRACTICE, 1);
        let wrap = pmk.wrap_with_password(
            PasswordKeys::derive("pw", &params)
                .expect("derive")
                .wrap_key(),
            USER,
        );
        let mut group = c.benchmark_group("slow");
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("password_unwrap_64mib_t3", |b| {
            b.iter(|| {
                let keys =
                    PasswordKeys::derive(black_box("pw"), &wrap.kdf_params().expect("params"))
                        .expect("derive");
                PracticeMasterKey::unwrap_with_password(&wrap, keys.wrap_key(), PRACTICE, USER)
                    .expect("unwrap")
            });
        });
        group.finish();
    }

    pub fn blind_index(c: &mut Criterion) {
        let key = BlindIndexKey::generate(PRACTICE, 1);
        let birth = BirthDate::new(1980, 2, 29).expect("date");
        c.bench_function("blind_index_name_dob", |b| {
            b.iter(|| {
                key.name_dob_index(
                    black_box("Müller-Lüdenscheidt"),
                    black_box("Anna-Lena"),
                    birth,
                )
            });
        });
    }

    pub fn object(c: &mut Criterion) {
        let key = ContentKey::generate(1);
        let photo = vec![0xA5u8; 1024 * 1024];
        let field = ObjectContext {
            practice_id: PRACTICE,
            object_id: ObjectId::from_bytes([5; 16]),
            field: "photo",
        };
        c.bench_function("object_encrypt_1mib", |b| {
            b.iter(|| key.encrypt(black_box(&photo), &field));
        });
        let sealed = key.encrypt(&photo, &field);
        c.bench_function("object_decrypt_1mib", |b| {
            b.iter(|| key.decrypt(black_box(&sealed), &field));
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(
    benches,
    native::hpke,
    native::password_unwrap,
    native::blind_index,
    native::object
);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
