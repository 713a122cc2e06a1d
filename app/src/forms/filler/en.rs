use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Filler,
    locale: Locale::En,
    version: "filler-en-2026-12-1",
    title: "Information and consent: treatment with hyaluronic acid filler",
    minutes: 9,
    intro: &[
        "You would like a treatment with hyaluronic acid filler. This form prepares your \
         conversation with your doctor: you answer questions about your health, read how the \
         treatment works, what the risks and alternatives are, and check with three short \
         questions that everything is clear.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Which areas would you like treated?",
            &[
                Choice::new("lips", "Lips"),
                Choice::new("perioral", "Lines around the mouth, corners of the mouth"),
                Choice::new(
                    "nasolabial",
                    "Nasolabial folds (nose to corner of the mouth)",
                ),
                Choice::new(
                    "marionette",
                    "Marionette lines (corner of the mouth to chin)",
                ),
                Choice::new("cheeks", "Cheeks, cheekbones"),
                Choice::new("tear_trough", "Tear troughs under the eyes"),
                Choice::new("temples", "Temples"),
                Choice::new("chin", "Chin"),
                Choice::new("jawline", "Jawline"),
                Choice::new("nose", "Nose"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "allergy_product",
            "Have you ever had an allergic reaction to hyaluronic acid filler, to lidocaine or \
             other injected local anaesthetics, or to bee or wasp stings?",
        )
        .hint(
            "Many fillers contain lidocaine for numbing. The medicine that dissolves filler in \
             an emergency (hyaluronidase) is related to bee venom.",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes(
            "Allergy to hyaluronic acid filler, lidocaine/local anaesthetics or bee/wasp venom \
             (possible cross-reaction with hyaluronidase): review product and emergency plan.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        c::ANTICOAGULANTS,
        c::BLEEDING_SUPPLEMENTS,
        c::PREGNANT,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmune disease/immunosuppression: higher risk of delayed inflammatory \
             reactions and infection; review the indication, treat in a stable phase if at all.",
        ),
        Question::yes_no(
            "permanent_filler",
            "Have you ever had a permanent filler, an implant or a thread lift in the treatment \
             area?",
        )
        .hint(
            "For example silicone, PMMA or polyalkylimide. If you do not know what was injected \
             before, choose “Yes” and write what you know.",
        )
        .details("What, where and when?")
        .flag_yes(
            "Permanent/semi-permanent filler, implant or threads in the area: risk of \
             granulomas and infection; clarify the history.",
        ),
        c::RECENT_TREATMENTS,
        c::HERPES,
        c::SKIN_INFECTION,
        Question::yes_no(
            "dental",
            "Have you had dental treatment in the last two weeks, is any planned in the next \
             two weeks, or do you have inflammation of your teeth or gums?",
        )
        .details("What, and when?")
        .flag_yes(
            "Dental treatment within ±2 weeks or dental inflammation: higher risk of infection/\
             biofilm, especially perioral; coordinate the date.",
        ),
        Question::yes_no(
            "recent_illness",
            "Have you had a feverish illness or a vaccination in the last two weeks, or is a \
             vaccination planned in the next two weeks?",
        )
        .details("What, and when?")
        .flag_yes(
            "Infection or vaccination within ±2 weeks: described as a trigger of delayed \
             inflammatory reactions; weigh the timing.",
        ),
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "What happens during the treatment",
            paragraphs: &[
                "Hyaluronic acid is a substance the body also makes itself; it binds water. \
                 Injected under the skin as a gel, it fills lines, restores volume or shapes \
                 contours such as lips, cheeks or chin.",
                "Your doctor injects the gel with a fine needle or a blunt cannula. Many products \
                 contain a local anaesthetic; a numbing cream can also be applied. The treatment \
                 usually takes 20 to 45 minutes.",
                "The result is visible at once, but swelling hides it for the first days. The \
                 body breaks the gel down gradually; depending on the area and product it \
                 usually lasts six to eighteen months. Nobody can promise a particular result.",
                "The treatment is not medically necessary and not urgent. You can take your \
                 time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common: redness, swelling, tenderness and bruising. On the lips the swelling \
                 can be marked for a few days. Small lumps can be felt at first and usually \
                 smooth out by themselves.",
                "Occasionally: uneven distribution, a visible bluish tint where gel lies close \
                 to the surface, an infection or a cold sore on the lips. Very rarely the gel \
                 moves, or inflamed lumps appear weeks to months later.",
                "Rare but serious: if gel gets into a blood vessel or presses on one, the skin it \
                 supplies loses its blood flow. Untreated, that skin can die and leave a scar. \
                 Very rarely gel reaches a vessel that supplies the eye; this can cause \
                 permanent blindness or a stroke. The risk is higher on the nose, forehead, \
                 frown lines and tear troughs.",
                "Warning signs are severe, increasing pain, skin that turns white, blotchy or \
                 bluish, and problems with vision. Hyaluronic acid can be dissolved with an \
                 enzyme (hyaluronidase); the sooner, the better.",
                "Allergic reactions, including to the anaesthetic, are rare.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This has no health disadvantages.",
                "Depending on the aim, other methods may be suitable: botulinum toxin for lines \
                 caused by facial expression, laser, a peel or microneedling for the skin \
                 surface, fat transfer or surgery for larger changes in volume. Other filler \
                 materials last longer but cannot be dissolved. Your doctor will explain what \
                 suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "If needed, cool the areas gently with a cold pack wrapped in a cloth. Only \
                 press or massage if your doctor tells you to.",
                "Avoid make-up on the injection points for about 24 hours, and sauna, sunbeds \
                 and strong heat for two weeks; sport only after one or two days. If you can, \
                 plan no dental treatment in the two weeks after.",
                "After about two weeks the swelling has gone; a check-up then is worthwhile.",
                "If you have severe or increasing pain, white or blotchy blue skin, problems \
                 with vision, fever or a hot, red swelling, contact the practice at once. If \
                 you cannot reach it, or your vision gets worse, call the emergency number 112.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "warning_signs",
            question: "Which signs after the treatment are an emergency?",
            options: &[
                Choice::new("swelling", "Slight swelling on the first day"),
                Choice::new(
                    "pale_pain_vision",
                    "Severe pain, white or blotchy skin, problems with vision",
                ),
                Choice::new("bruise", "A small bruise"),
            ],
            correct: "pale_pain_vision",
            explanation: "Severe, increasing pain, white or blotchy blue skin and problems with \
                          vision can mean a blood vessel is blocked. Get help at once; swelling \
                          and small bruises, on the other hand, are normal.",
        },
        CheckItem {
            id: "dissolvable",
            question: "Can hyaluronic acid filler be dissolved again?",
            options: &[
                Choice::new("yes", "Yes, with an enzyme (hyaluronidase)"),
                Choice::new("no", "No, it stays until the body breaks it down"),
            ],
            correct: "yes",
            explanation: "Hyaluronic acid can be dissolved with the enzyme hyaluronidase, in an \
                          emergency or if you do not like the result.",
        },
        CheckItem {
            id: "duration",
            question: "How long does hyaluronic acid filler usually last?",
            options: &[
                Choice::new("weeks", "A few weeks"),
                Choice::new("months", "About six to eighteen months"),
                Choice::new("permanent", "For life"),
            ],
            correct: "months",
            explanation: "The body breaks the gel down gradually. Depending on the area and \
                          product it usually lasts six to eighteen months.",
        },
    ],
};
