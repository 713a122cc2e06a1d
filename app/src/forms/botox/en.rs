use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Botox,
    locale: Locale::En,
    version: "botox-en-2026-12-1",
    title: "Information and consent: treatment with botulinum toxin",
    minutes: 8,
    intro: &[
        "You would like a treatment with botulinum toxin. This form prepares your conversation \
         with your doctor: you answer questions about your health, read how the treatment \
         works, what the risks and alternatives are, and check with three short questions that \
         everything is clear.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Which areas would you like treated?",
            &[
                Choice::new("forehead", "Forehead (horizontal lines)"),
                Choice::new("glabella", "Frown lines between the eyebrows"),
                Choice::new("crows_feet", "Crow's feet beside the eyes"),
                Choice::new("bunny_lines", "Lines on the bridge of the nose"),
                Choice::new("perioral", "Lines on the upper lip"),
                Choice::new("mouth_corners", "Downturned corners of the mouth"),
                Choice::new("chin", "Chin (dimpling, “orange-peel chin”)"),
                Choice::new("masseter", "Jaw muscle (teeth grinding, wide jaw angle)"),
                Choice::new("neck", "Neck (neck bands)"),
                Choice::new("underarms", "Underarms (heavy sweating)"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::choice(
            "previous_toxin",
            "When were you last treated with botulinum toxin?",
            &[
                Choice::new("never", "Never"),
                Choice::new("over_3_months", "More than three months ago"),
                Choice::new("within_3_months", "Within the last three months"),
            ],
            false,
        )
        .flag_on(
            &["within_3_months"],
            "Last toxin treatment less than 3 months ago: short intervals and top-ups favour \
             neutralising antibodies; mind the cumulative dose.",
        ),
        Question::yes_no(
            "toxin_no_effect",
            "Did an earlier botulinum toxin treatment have little or no effect?",
        )
        .hint("If you have never been treated, choose “No”.")
        .flag_yes("Possible secondary non-response (antibodies?): discuss the approach."),
        Question::yes_no(
            "allergy_product",
            "Have you ever had an allergic reaction to botulinum toxin, human albumin or cow's \
             milk protein?",
        )
        .hint(
            "Albumin is a protein the products contain as an excipient; one product may contain \
             traces of milk protein.",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes(
            "Allergy to botulinum toxin or excipients (human albumin; cow's milk protein with \
             abobotulinumtoxin A): that product is contraindicated.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        Question::yes_no(
            "aminoglycosides",
            "Are you currently receiving antibiotics such as gentamicin or tobramycin, or \
             muscle relaxants?",
        )
        .hint("These can strengthen the effect of botulinum toxin.")
        .details("Which medicine?")
        .flag_yes(
            "Aminoglycosides or other agents affecting neuromuscular transmission (e.g. muscle \
             relaxants): effect may be potentiated.",
        ),
        c::ANTICOAGULANTS,
        c::BLEEDING_SUPPLEMENTS,
        Question::yes_no(
            "neuromuscular",
            "Do you have a disease of the nerves or muscles, for example myasthenia gravis, \
             Lambert-Eaton syndrome or ALS?",
        )
        .details("Which condition?")
        .flag_yes(
            "Neuromuscular disease (myasthenia, Lambert-Eaton, ALS or similar): \
             contraindication or risk of generalised weakness.",
        ),
        Question::yes_no(
            "swallowing_breathing",
            "Do you have difficulty swallowing or breathing?",
        )
        .details("Which, and since when?")
        .flag_yes(
            "Pre-existing dysphagia/breathing disorder: higher risk if the toxin spreads, \
             especially with injections in the neck or around the mouth.",
        ),
        Question::yes_no(
            "eyelid",
            "Does one of your upper eyelids droop, or have you had surgery on your eyelids or \
             eyebrows?",
        )
        .details("What, and when?")
        .flag_yes(
            "Pre-existing ptosis or lid/brow surgery: higher risk of ptosis, adapt injection \
             points.",
        ),
        c::PREGNANT,
        c::SKIN_INFECTION,
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "What happens during the treatment",
            paragraphs: &[
                "Botulinum toxin is a protein that temporarily blocks the signals from a nerve \
                 to a muscle. Injected in very small amounts into a particular muscle, it \
                 relaxes that muscle; the skin above it smooths out and expression lines become \
                 shallower. In the underarms it reduces sweating.",
                "Your doctor injects it with a very fine needle at several points. This usually \
                 takes 10 to 20 minutes and hardly hurts; numbing is usually not needed.",
                "The effect starts after two to four days and is complete after about two weeks. \
                 It usually lasts three to six months and then wears off by itself. How strong \
                 it is and how long it lasts differs from person to person; nobody can promise \
                 a particular result.",
                "For some areas, such as the frown lines, the products are specifically \
                 approved. In other areas their use is common but outside the approval \
                 (“off-label”). Your doctor will tell you which applies to you.",
                "The treatment is not medically necessary and not urgent. You can take your \
                 time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common and harmless: slight redness, swelling or bruises where the needle went \
                 in, a feeling of pressure or a headache in the first days. This usually passes \
                 within a few days.",
                "Occasionally the toxin also affects neighbouring muscles. An upper eyelid or an \
                 eyebrow may then droop, your smile may look uneven, an eye may feel dry or \
                 water, or you may see double. The two sides may also respond differently. \
                 This passes, but can take several weeks.",
                "The effect cannot be reversed straight away; it only wears off with time. A \
                 top-up can sometimes even out an uneven result.",
                "After treatment of the jaw muscle, chewing may be weaker for a while; in the \
                 neck and around the mouth, swallowing, speaking or facial expression may be \
                 affected.",
                "Allergic reactions, infection where the needle went in or flu-like symptoms \
                 are rare. Very rarely the toxin acts throughout the body: muscle weakness, \
                 difficulty swallowing, speaking or breathing. This is an emergency.",
                "With treatments at short intervals the body can form antibodies; the toxin \
                 then works less or not at all later on.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This has no health disadvantages; \
                 the lines stay as they are and slowly deepen over the years.",
                "Depending on the line, other methods may be suitable: hyaluronic acid filler \
                 for lines that are visible at rest, laser, a peel or microneedling for the \
                 skin surface, good skin care and consistent sun protection. For heavy sweating \
                 there are also aluminium chloride products, tap-water iontophoresis or \
                 surgery. Your doctor will explain what suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "Do not rub or massage the treated areas on the day of treatment, and do not \
                 lie flat for the first four hours.",
                "Avoid sport, sauna, sunbeds and alcohol for 24 hours.",
                "The full effect shows after about two weeks. A check-up then is worthwhile, \
                 with a small top-up if needed.",
                "If you have difficulty swallowing, speaking or breathing, see double or feel \
                 marked muscle weakness, call the emergency number 112 at once. For other \
                 questions or worries call the practice; outside opening hours, the medical \
                 on-call service on 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "duration",
            question: "How long does the effect usually last?",
            options: &[
                Choice::new("weeks", "About two weeks"),
                Choice::new("months", "About three to six months"),
                Choice::new("permanent", "Permanently"),
            ],
            correct: "months",
            explanation: "The effect usually lasts three to six months and then wears off by \
                          itself. For a lasting result the treatment is repeated.",
        },
        CheckItem {
            id: "reversible",
            question: "Can the effect be undone straight away if you do not like it?",
            options: &[
                Choice::new("yes", "Yes, with an antidote"),
                Choice::new("no", "No, it only wears off with time"),
            ],
            correct: "no",
            explanation: "There is no medicine that undoes the effect straight away. A \
                          drooping lid or an uneven result settles with time.",
        },
        CheckItem {
            id: "emergency",
            question: "What do you do if you have difficulty swallowing or breathing after \
                       the treatment?",
            options: &[
                Choice::new("wait", "Wait, it will pass by itself"),
                Choice::new("emergency", "Call the emergency number 112 at once"),
                Choice::new("massage", "Massage the area"),
            ],
            correct: "emergency",
            explanation: "Difficulty swallowing, speaking or breathing is very rare, but an \
                          emergency. Call 112 at once.",
        },
    ],
};
