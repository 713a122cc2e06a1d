//! The form hash: one per exact form, changed by any single change to what is shown, and
//! stable across builds (golden bytes and pinned hashes).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use domain::ConsentType;

use super::mutations::single_changes;
use crate::forms::{
    all_forms, published_form_with_hash, published_forms, CheckItem, Choice, ConsentForm, InfoKind,
    InfoSection, Question,
};
use crate::i18n::Locale;

#[test]
fn every_form_has_its_own_hash() {
    let hashes: BTreeSet<[u8; 32]> = all_forms().map(|f| *f.hash().as_bytes()).collect();
    assert_eq!(hashes.len(), 12);
}

#[test]
fn any_single_change_changes_the_hash() {
    for form in all_forms() {
        let original = *form.hash().as_bytes();
        let changes = single_changes(form);
        assert!(
            changes.len() > 300,
            "{}: only {} changes tried",
            form.version,
            changes.len()
        );
        let mut seen = BTreeSet::from([original]);
        for (n, copy) in changes.iter().enumerate() {
            assert_ne!(copy, form, "{}: change {n} changed nothing", form.version);
            assert!(
                seen.insert(*copy.hash().as_bytes()),
                "{}: change {n} collides",
                form.version
            );
        }
    }
}

#[test]
fn text_moved_between_neighbouring_fields_changes_the_hash() {
    let form = *crate::forms::consent_form(ConsentType::Botox, Locale::De);
    let a = ConsentForm {
        intro: &["ab", "c"],
        ..form
    };
    let b = ConsentForm {
        intro: &["a", "bc"],
        ..form
    };
    let c = ConsentForm {
        title: "T",
        version: "Vx",
        ..form
    };
    let d = ConsentForm {
        title: "xT",
        version: "V",
        ..form
    };
    assert_ne!(a.hash(), b.hash());
    assert_ne!(c.hash(), d.hash());
}

/// The encoding byte for byte, for a form small enough to write out by hand. If this fails,
/// every stored form hash would stop matching its form: change the encoding only on purpose,
/// with a new encoding version (docs/consent-forms.md).
#[test]
fn canonical_encoding_is_frozen() {
    static TINY: ConsentForm = ConsentForm {
        kind: ConsentType::Prp,
        locale: Locale::En,
        version: "v1",
        title: "T",
        minutes: 7,
        intro: &["i"],
        questions: &[
            Question::yes_no("q", "Q?").details("d").flag_yes("r"),
            Question::choice("c", "C?", &[Choice::new("a", "A")], true)
                .hint("h")
                .optional(),
            Question::text("t", "T?", 300),
        ],
        information: &[InfoSection {
            kind: InfoKind::Risks,
            heading: "H",
            paragraphs: &["p"],
        }],
        comprehension: &[CheckItem {
            id: "k",
            question: "K?",
            options: &[Choice::new("y", "Y")],
            correct: "y",
            explanation: "e",
        }],
    };
    let s = |s: &str| {
        let len = u32::try_from(s.len()).expect("short");
        [&len.to_be_bytes()[..], s.as_bytes()].concat()
    };
    let n = |n: u32| n.to_be_bytes().to_vec();
    let expected = [
        s("derma-consent/consent-form/1"),
        s("PRP"),
        s("en"),
        s("v1"),
        s("T"),
        vec![7],
        n(1),
        s("i"),
        n(3),
        // yes/no "q": hint none, kind 0, details some, required, knockout on ["yes"] "r"
        [
            s("q"),
            s("Q?"),
            vec![0, 0, 1],
            s("d"),
            vec![1, 1],
            n(1),
            s("yes"),
            s("r"),
        ]
        .concat(),
        // choice "c": hint "h", kind 1, multiple, one option, optional, no knockout
        [
            s("c"),
            s("C?"),
            vec![1],
            s("h"),
            vec![1, 1],
            n(1),
            s("a"),
            s("A"),
            vec![0, 0],
        ]
        .concat(),
        // text "t": no hint, kind 2, 300 chars, required, no knockout
        [s("t"), s("T?"), vec![0, 2, 1, 44, 1, 0]].concat(),
        n(1),
        [vec![1], s("H"), n(1), s("p")].concat(),
        n(1),
        [s("k"), s("K?"), n(1), s("y"), s("Y"), s("y"), s("e")].concat(),
    ]
    .concat();
    assert_eq!(TINY.canonical_bytes(), expected);
    assert_eq!(
        hex(TINY.hash().as_bytes()),
        "b13fd92ea80f24d7fe50843a4a74034263811471574623091f78a1565d7c014b"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The hash of each published form version. A failure means a form changed: if its `version`
/// was bumped, add the new line; if not, bump it (stored consents refer to the old text by
/// this hash, so two different texts must never share a version).
const PUBLISHED: &[(&str, &str)] = &[
    (
        "botox-de-2026-12-1",
        "58e06c9fe895d38400e8410a2a2370361a1337262d6c6729a9e5ff7b3d581b60",
    ),
    (
        "botox-en-2026-12-1",
        "4ffb81646e47929910fd4cbc3d1f036e75a4487daf681e24fbc7e6dd48a0fcad",
    ),
    (
        "filler-de-2026-12-1",
        "25d6af1ee2b912071b63d69b22eba4cf2f86df0d92d927977bbd07f18ac080fb",
    ),
    (
        "filler-en-2026-12-1",
        "dd1e748789be34972b6ec5c2507cc18555b7801ccbc2f0c438ef5a65b5d134d1",
    ),
    (
        "laser-de-2026-12-1",
        "e3a0f2b4568350f31687d06926ecd4f6512427345d2a6ede40e1b594833cb33a",
    ),
    (
        "laser-en-2026-12-1",
        "fc4f3889806a112e7227c62143bcbcdf9b7831d26ea85b983c618ebffda30bd1",
    ),
    (
        "chemical-peel-de-2026-12-1",
        "51ed8b1974d2e964d2b95a21af198f50f6f33bc7870b5bf83b22aca3ec7930e0",
    ),
    (
        "chemical-peel-en-2026-12-1",
        "cfbe6b61355413b19566d72cf0a21bde9f341e7f30075de0faa02c40331dab2f",
    ),
    (
        "microneedling-de-2026-12-1",
        "5bd93981693c5866742e10ab57246bc799ad36d70d7284b776c998e4299569ba",
    ),
    (
        "microneedling-en-2026-12-1",
        "e110e9786182647583e34899562a358ee8e1bae9a5b44e98ca95c0f956507205",
    ),
    (
        "prp-de-2026-12-1",
        "1d0a246d9e8dd310cfe13ec3c4a4c9826dd87cef0c71af6e4cb0a556f1800362",
    ),
    (
        "prp-en-2026-12-1",
        "cbfd57882f474becb0a2dcd7899c15aa14447fc7a2cbe6c6092346679212fb5d",
    ),
];

#[test]
fn published_versions_keep_their_hash() {
    let unpinned: Vec<String> = all_forms()
        .map(|form| (form.version, hex(form.hash().as_bytes())))
        .filter(|(version, hash)| !PUBLISHED.contains(&(version, hash.as_str())))
        .map(|(version, hash)| format!("    (\"{version}\", \"{hash}\"),"))
        .collect();
    assert!(
        unpinned.is_empty(),
        "forms changed: bump the version of each if not done, then pin in PUBLISHED:\n{}",
        unpinned.join("\n")
    );
}

/// A pinned version is what some patient may have signed: it must stay readable for the review
/// (current, or kept in forms/superseded.rs), with the same hash, for its own type.
#[test]
fn published_versions_stay_readable() {
    for (version, hash) in PUBLISHED {
        let form = published_forms()
            .find(|f| f.version == *version)
            .unwrap_or_else(|| panic!("{version} was published: keep it in forms/superseded.rs"));
        assert_eq!(hex(form.hash().as_bytes()), *hash, "{version} changed");
        let found = published_form_with_hash(form.kind, form.hash().as_bytes())
            .map(|(locale, f)| (locale, f.version));
        assert_eq!(found, Some((form.locale, *version)));
    }
    let versions: BTreeSet<&str> = published_forms().map(|f| f.version).collect();
    assert_eq!(
        versions.len(),
        published_forms().count(),
        "a version names one form"
    );
}
