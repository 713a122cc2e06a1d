use domain::ConsentType;

use crate::forms::common::en as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Prp,
    locale: Locale::En,
    version: "prp-en-2026-12-1",
    title: "Information and consent: treatment with platelet-rich plasma (PRP) from your own \
            blood",
    minutes: 8,
    intro: &[
        "You would like a treatment with platelet-rich plasma from your own blood. This form \
         prepares your conversation with your doctor: you answer questions about your health, \
         read how the treatment works, what the risks and alternatives are, and check with \
         three short questions that everything is clear.",
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
                Choice::new("under_eyes", "Under the eyes"),
                Choice::new("neck", "Neck"),
                Choice::new("decollete", "Chest (décolleté)"),
                Choice::new("hands", "Backs of the hands"),
                Choice::new("scalp", "Scalp (hair loss)"),
                Choice::new("other", "Another area (please name it at the end)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "blood_disorder",
            "Do you have a known blood-clotting disorder, a lack of platelets, anaemia or \
             another disease of the blood?",
        )
        .details("Which condition?")
        .flag_yes(
            "Clotting disorder, thrombocytopenia/platelet dysfunction, anaemia or other \
             haematological disease: check for contraindication, blood count.",
        ),
        c::ANTICOAGULANTS.flag_yes(
            "Anticoagulant/antiplatelet therapy: bleeding risk; antiplatelet drugs reduce the \
             effect of PRP. Patient must not stop it unsupervised; agree the approach with the \
             prescriber if needed.",
        ),
        c::BLEEDING_SUPPLEMENTS
            .hint("These inhibit the platelets, so the treatment works less well.")
            .flag_yes(
                "NSAIDs/supplements in the last 7 days: platelet function impaired, PRP effect \
                 may be reduced; consider postponing.",
            ),
        Question::yes_no(
            "cortisone",
            "In the last two weeks, have you had cortisone as tablets or as an injection?",
        )
        .details("What for, and when was the last time?")
        .flag_yes("Systemic/injected corticosteroids < 2 weeks: PRP effect reduced."),
        Question::yes_no(
            "infection_fever",
            "Do you currently have an infection or fever, or are you taking antibiotics?",
        )
        .details("What, and since when?")
        .flag_yes("Acute infection/fever/antibiotics: do not treat until recovered."),
        Question::yes_no(
            "cancer",
            "Do you have, or have you had in the last five years, cancer, including of the \
             blood or bone marrow?",
        )
        .details("Which, and when?")
        .flag_yes(
            "Malignancy active or < 5 years, especially haematological: check for \
                   contraindication.",
        ),
        Question::yes_no(
            "fainting",
            "Have you ever felt dizzy or blacked out during a blood test?",
        )
        .flag_yes("Tendency to vasovagal reaction: draw blood lying down."),
        Question::yes_no(
            "allergy_product",
            "Have you ever had an allergic reaction to a numbing medicine (cream or \
             injection), a disinfectant or plasters?",
        )
        .details("To what, and how did the reaction show?")
        .flag_yes("Allergy to local anaesthetics, disinfectants or plasters."),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmune disease/immunosuppression: efficacy and safety little studied; review \
             the indication.",
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
                "A little blood is taken from a vein in your arm, usually 10 to 30 millilitres. \
                 It is spun in a closed tube in a centrifuge, which separates a plasma rich in \
                 platelets. The platelets release growth factors meant to stimulate the renewal \
                 of skin and hair roots.",
                "The plasma is injected into the skin or scalp with a fine needle, or applied \
                 during microneedling. A numbing cream can be applied first. Altogether this \
                 takes about 45 to 60 minutes.",
                "Three to four sessions four to six weeks apart are usually needed, later an \
                 occasional refresher. The scientific evidence is best for hereditary hair loss \
                 and still limited for skin rejuvenation. The effect differs greatly from \
                 person to person; nobody can promise a particular result.",
                "The treatment is usually not medically necessary and not urgent. You can take \
                 your time to decide.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risks and side effects",
            paragraphs: &[
                "Common: pain from the injections, redness, swelling and bruising, also where \
                 the blood was taken; after scalp treatment a feeling of tightness or a \
                 headache for one or two days.",
                "Occasionally: dizziness or brief fainting during the blood draw, small lumps, \
                 an infection at the injection points.",
                "Rare: injury to a nerve during the blood draw, allergic reactions to numbing \
                 medicine or disinfectant, scars. Very rarely, as with other injections in the \
                 face, problems with blood flow up to disturbed vision have been reported.",
                "Because the plasma comes from your own blood, allergic reactions to it are not \
                 expected.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Other options",
            paragraphs: &[
                "You can decide not to have the treatment. This has no health disadvantages. \
                 With hair loss, though, the cause should be checked by a doctor, for example \
                 iron deficiency or a thyroid condition.",
                "Depending on the aim, other methods may be suitable: for hair loss minoxidil \
                 solution or foam, for men also finasteride; for the skin, care with active \
                 ingredients, microneedling, peels, laser or hyaluronic acid. Your doctor will \
                 explain what suits you.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "After the treatment",
            paragraphs: &[
                "Wash your hair the next day at the earliest, and use no make-up on the treated \
                 areas for about twelve hours.",
                "Avoid sport, sauna and sunbeds for 24 hours. For pain in the first days, try \
                 not to take medicines such as ibuprofen or diclofenac, because they inhibit the \
                 platelets; ask what you can take instead. Keep taking prescribed medicines as \
                 usual.",
                "If redness or pain increases, or you have pus or fever, please contact the \
                 practice; outside opening hours, the medical on-call service on 116 117. If \
                 the skin turns white or blotchy, or your vision changes after a treatment on \
                 the face, call the emergency number 112 at once.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "source",
            question: "What is the plasma made from?",
            options: &[
                Choice::new("own_blood", "From my own blood"),
                Choice::new("donor", "From donated blood"),
                Choice::new("synthetic", "It is made artificially"),
            ],
            correct: "own_blood",
            explanation: "The plasma is made from your own blood, taken and prepared shortly \
                          before.",
        },
        CheckItem {
            id: "sessions",
            question: "How many sessions are usually needed?",
            options: &[
                Choice::new("one", "One"),
                Choice::new("several", "Usually three to four, a few weeks apart"),
            ],
            correct: "several",
            explanation: "Three to four sessions four to six weeks apart are usually needed, \
                          later an occasional refresher.",
        },
        CheckItem {
            id: "outcome",
            question: "Is a particular result certain?",
            options: &[
                Choice::new("guaranteed", "Yes, it works the same for everyone"),
                Choice::new("varies", "No, the effect differs from person to person"),
            ],
            correct: "varies",
            explanation: "How well PRP works varies a lot, and the evidence is not equally good \
                          for every use. Nobody can promise a particular result.",
        },
    ],
};
