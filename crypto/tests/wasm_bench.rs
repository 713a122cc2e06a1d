//! The budgeted operations timed inside WASM (run by `crypto/bench.sh`, in Node or headless
//! Chromium, with the `wasm-release` profile the browser bundle uses). Prints one line per
//! operation: `BENCH <name> median_ms=<x> min_ms=<y> runs=<n>`. Built only with the internal
//! `wasm-bench` feature, so the normal test suite does not pay for it.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use crypto::{
    BirthDate, BlindIndexKey, ConsentId, ContentKey, FormHash, InboxKeyPair, KdfParams,
    ObjectContext, ObjectId, PasswordKeys, PracticeId, PracticeMasterKey, SubmissionContext,
    SubmissionId, UserId,
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

const PRACTICE: PracticeId = PracticeId::from_bytes([1; 16]);
const USER: UserId = UserId::from_bytes([2; 16]);

/// Median and minimum of `runs` batches of `inner` calls, in milliseconds per call.
fn time(name: &str, runs: usize, inner: usize, mut op: impl FnMut()) {
    op(); // warm-up
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now();
            for _ in 0..inner {
                op();
            }
            (now() - start) / f64::from(u32::try_from(inner).unwrap_or(1))
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    console_log!(
        "BENCH {name} median_ms={median:.4} min_ms={:.4} runs={runs}",
        samples[0]
    );
}

#[wasm_bindgen_test]
fn bench_all() {
    let inbox = InboxKeyPair::generate(1);
    let context = SubmissionContext {
        practice_id: PRACTICE,
        consent_id: ConsentId::from_bytes([3; 16]),
        form_hash: FormHash::of(b"form"),
        submission_id: SubmissionId::from_bytes([4; 16]),
    };
    let form = vec![0x5Au8; 4096];
    time("hpke_seal_open_4k", 15, 20, || {
        let sealed = inbox
            .public_key()
            .seal_submission(&form, &context)
            .expect("seal");
        inbox.open_submission(&sealed, &context).expect("open");
    });

    let params = KdfParams::generate();
    let pmk = PracticeMasterKey::generate(PRACTICE, 1);
    let wrap = pmk.wrap_with_password(
        PasswordKeys::derive("pw", &params)
            .expect("derive")
            .wrap_key(),
        USER,
    );
    time("password_unwrap_64mib_t3", 7, 1, || {
        let keys = PasswordKeys::derive("pw", &wrap.kdf_params().expect("params")).expect("derive");
        PracticeMasterKey::unwrap_with_password(&wrap, keys.wrap_key(), PRACTICE, USER)
            .expect("unwrap");
    });

    let key = BlindIndexKey::generate(PRACTICE, 1);
    let birth = BirthDate::new(1980, 2, 29).expect("date");
    time("blind_index_name_dob", 15, 200, || {
        key.name_dob_index("Müller-Lüdenscheidt", "Anna-Lena", birth)
            .expect("index");
    });

    let object_key = ContentKey::generate(1);
    let photo = vec![0xA5u8; 1024 * 1024];
    let field = ObjectContext {
        practice_id: PRACTICE,
        object_id: ObjectId::from_bytes([5; 16]),
        field: "photo",
    };
    time("object_encrypt_1mib", 9, 1, || {
        object_key.encrypt(&photo, &field);
    });
    let sealed = object_key.encrypt(&photo, &field);
    time("object_decrypt_1mib", 9, 1, || {
        object_key.decrypt(&sealed, &field).expect("decrypt");
    });
}
