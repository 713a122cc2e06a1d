use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::ChemicalPeel,
    locale: Locale::En,
    version: "chemical-peel-en-2026-12-1",
    title: "Information and consent: chemical peel",
    minutes: 8,
    intro: &[
        "You would like a chemical peel. This form prepares your conversation with your doctor: \
         you answer questions about your health and your skin, read how the treatment works, \
         what the risks and alternatives are, and check with three short questions that \
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
                Choice::new("face", "Face"),
                Choice::new("neck", "Neck"),
                Choice::new("decollete", "Chest (décolleté)"),
                Choice::new("hands", "Backs of the hands"),
                Choice::new("back", "Back"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        c::SKIN_TYPE,
        c::SUN_TAN,
        c::PHOTOSENSITISING,
        c::ISOTRETINOIN,
        Question::yes_no(
            "topical_retinoids",
            "In the last week, have you used creams with retinol, tretinoin or adapalene, fruit \
             acid or exfoliating products on the treatment area, or waxed, epilated or used \
             hair-removal cream there?",
        )
        .details("What, and when was the last time?")
        .flag_yes(
            "Retinoids/exfoliants/hair removal on the area in the last week: deeper penetration \
             and more irritation; clarify pre-treatment, postpone if needed.",
        ),
        Question::yes_no(
            "allergy_product",
            "Are you intolerant of aspirin (acetylsalicylic acid) or salicylic acid, or have \
             you ever had an allergic reaction to a peel?",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes(
            "Salicylate allergy/intolerance or earlier reaction to a peel: no salicylic acid \
             peel; clarify the reaction.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::HERPES,
        c::KELOIDS,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmune disease/immunosuppression: mind wound healing and infection risk; \
             Koebner phenomenon possible with vitiligo or psoriasis.",
        ),
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "What happens during the treatment",
            paragraphs: &[
                "In a chemical peel an acid is applied to the cleansed skin, for example fruit, \
                 salicylic, mandelic or trichloroacetic acid. It loosens the upper layers of \
                 skin; new, more even skin forms underneath. The aim is finer skin texture and \
                 fewer pigment spots, fine lines or acne marks.",
                "The acid works for a few minutes and is then removed or neutralised. During \
                 this time the skin burns or tingles; a fan or cooling helps. The treatment \
                 takes about 30 minutes.",
                "Superficial peels are usually done as a series of four to six sessions two to \
                 four weeks apart; afterwards the skin flakes only slightly. Medium-depth peels \
                 work more strongly, and the skin peels for one to two weeks. Deep phenol \
                 peels are not covered by this information. Nobody can promise a particular \
                 result.",
                "The treatment is usually not medically necessary and not urgent. You can take \
                 your time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common: redness, tightness, burning and flaking for a few days; after \
                 medium-depth peels also swelling and marked peeling.",
                "Occasionally: dark patches, especially with dark skin or sun after the \
                 treatment, lighter patches, redness that lasts longer, a cold sore, a flare of \
                 spots or an infection.",
                "Rare: scars, permanent pigment changes, allergic reactions. If acid gets into \
                 an eye it can be injured; keep your eyes closed during the treatment.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This has no health disadvantages.",
                "Depending on the aim, other methods may be suitable: skin care with active \
                 ingredients such as retinoids or azelaic acid, consistent sun protection, \
                 microneedling or a laser treatment. Your doctor will explain what suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "Do not pull or pick at flakes and peeling skin; they come off by themselves. \
                 Cleanse the skin gently and use the cream the practice recommends.",
                "Avoid sun and sunbeds until the skin has healed, and use sunscreen with SPF 50 \
                 for at least four weeks after that.",
                "Avoid retinol, acid and exfoliating products for a week, and sport and sauna \
                 for two days. Make-up at the earliest the next day after a superficial peel, \
                 and only once healed after a medium-depth peel.",
                "If you have blisters, weeping areas, pus, severe pain, fever or a cold sore, \
                 please contact the practice; outside opening hours, the medical on-call \
                 service on 116 117.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "flaking",
            question: "What do you do if your skin peels in the days after?",
            options: &[
                Choice::new("peel_off", "Pull the loose skin off"),
                Choice::new("leave", "Leave it alone and care for the skin"),
                Choice::new("scrub", "Help it along with a scrub"),
            ],
            correct: "leave",
            explanation: "Pulled-off skin can leave patches and scars. Let the flakes come off \
                          by themselves and care for the skin gently.",
        },
        CheckItem {
            id: "sun",
            question: "What applies to the sun after the peel?",
            options: &[
                Choice::new("protect", "Avoid the sun and use SPF 50"),
                Choice::new("tan", "A little sun helps healing"),
            ],
            correct: "protect",
            explanation: "Freshly peeled skin easily forms dark patches in the sun. Avoid the \
                          sun and protect your skin with SPF 50.",
        },
        CheckItem {
            id: "normal",
            question: "What is normal in the first days after a peel?",
            options: &[
                Choice::new("redness", "Redness, tightness and flaking"),
                Choice::new("blisters", "Blisters and weeping areas"),
            ],
            correct: "redness",
            explanation: "Redness, tightness and flaking are part of it. Blisters or weeping \
                          areas are not normal; contact the practice if you have them.",
        },
    ],
};
