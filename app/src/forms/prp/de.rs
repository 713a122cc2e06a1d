use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Prp,
    locale: Locale::De,
    version: "prp-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Eigenbluttherapie mit plättchenreichem Plasma (PRP)",
    minutes: 8,
    intro: &[
        "Sie möchten sich mit plättchenreichem Plasma aus Ihrem eigenen Blut behandeln lassen. \
         Mit diesem Formular bereiten Sie das Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: \
         Sie beantworten Fragen zu Ihrer Gesundheit, lesen, wie die Behandlung abläuft, welche \
         Risiken und Alternativen es gibt, und prüfen mit drei kurzen Fragen, ob alles \
         verständlich war.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Welche Bereiche sollen behandelt werden?",
            &[
                Choice::new("face", "Gesicht"),
                Choice::new("under_eyes", "Unter den Augen"),
                Choice::new("neck", "Hals"),
                Choice::new("decollete", "Dekolleté"),
                Choice::new("hands", "Handrücken"),
                Choice::new("scalp", "Kopfhaut (Haarausfall)"),
                Choice::new("other", "Anderer Bereich (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "blood_disorder",
            "Ist bei Ihnen eine Störung der Blutgerinnung, ein Mangel an Blutplättchen, eine \
             Blutarmut oder eine andere Erkrankung des Blutes bekannt?",
        )
        .details("Welche Erkrankung?")
        .flag_yes(
            "Gerinnungsstörung, Thrombozytopenie/-pathie, Anämie oder andere hämatologische \
             Erkrankung: Kontraindikation prüfen, Blutbild.",
        ),
        c::ANTICOAGULANTS.flag_yes(
            "Antikoagulation/Thrombozytenaggregationshemmung: Blutungsrisiko; unter \
             Plättchenhemmern ist die PRP-Wirkung vermindert. Nicht eigenmächtig absetzen \
             lassen; Vorgehen ggf. mit der verordnenden Stelle abstimmen.",
        ),
        c::BLEEDING_SUPPLEMENTS
            .hint("Diese Mittel hemmen die Blutplättchen, sodass die Behandlung schlechter wirkt.")
            .flag_yes(
                "NSAR/Supplemente in den letzten 7 Tagen: Thrombozytenfunktion beeinträchtigt, \
                 PRP-Wirkung ggf. vermindert; Verschieben erwägen.",
            ),
        Question::yes_no(
            "cortisone",
            "Haben Sie in den letzten zwei Wochen Kortison als Tabletten oder als Spritze \
             bekommen?",
        )
        .details("Wofür, und wann zuletzt?")
        .flag_yes("Kortikosteroide systemisch/injiziert < 2 Wochen: PRP-Wirkung vermindert."),
        Question::yes_no(
            "infection_fever",
            "Haben Sie zurzeit eine Infektion oder Fieber, oder nehmen Sie Antibiotika?",
        )
        .details("Was, und seit wann?")
        .flag_yes("Akute Infektion/Fieber/Antibiose: nicht behandeln, nach Ausheilung."),
        Question::yes_no(
            "cancer",
            "Haben oder hatten Sie in den letzten fünf Jahren eine Krebserkrankung, auch des \
             Blutes oder Knochenmarks?",
        )
        .details("Welche, und wann?")
        .flag_yes(
            "Malignom aktiv oder < 5 Jahre, insbesondere hämatologisch: Kontraindikation prüfen.",
        ),
        Question::yes_no(
            "fainting",
            "Ist Ihnen bei einer Blutabnahme schon einmal schwindelig oder schwarz vor Augen \
             geworden?",
        )
        .flag_yes("Neigung zu vasovagaler Reaktion: Blutentnahme im Liegen."),
        Question::yes_no(
            "allergy_product",
            "Haben Sie schon einmal allergisch auf ein Betäubungsmittel (Creme oder Spritze), \
             auf Desinfektionsmittel oder auf Pflaster reagiert?",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes("Allergie gegen Lokalanästhetika, Desinfektionsmittel oder Pflaster."),
        c::ALLERGIES,
        c::MEDICATION,
        c::PREGNANT,
        c::SKIN_INFECTION,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmunerkrankung/Immunsuppression: Wirkung und Sicherheit wenig untersucht; \
             Indikation prüfen.",
        ),
        c::RECENT_TREATMENTS,
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "Was bei der Behandlung geschieht",
            paragraphs: &[
                "Aus einer Armvene wird etwas Blut abgenommen, meist 10 bis 30 Milliliter. In \
                 einem geschlossenen Röhrchen wird es zentrifugiert; so trennt sich ein Plasma \
                 mit vielen Blutplättchen ab. Die Plättchen geben Wachstumsfaktoren ab, die die \
                 Erneuerung von Haut und Haarwurzeln anregen sollen.",
                "Das Plasma wird mit einer feinen Nadel in die Haut oder Kopfhaut gespritzt oder \
                 beim Microneedling aufgetragen. Vorher kann eine betäubende Creme aufgetragen \
                 werden. Alles zusammen dauert etwa 45 bis 60 Minuten.",
                "Meist sind drei bis vier Sitzungen im Abstand von vier bis sechs Wochen nötig, \
                 später gelegentlich eine Auffrischung. Die wissenschaftlichen Belege sind bei \
                 erblich bedingtem Haarausfall am besten und für die Hautverjüngung noch \
                 begrenzt. Die Wirkung ist von Mensch zu Mensch sehr verschieden; ein \
                 bestimmtes Ergebnis kann niemand versprechen.",
                "Die Behandlung ist medizinisch in der Regel nicht notwendig und nicht eilig. \
                 Sie können sich in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig: Schmerzen bei den Einstichen, Rötung, Schwellung und blaue Flecken, \
                 auch an der Stelle der Blutabnahme; nach Behandlung der Kopfhaut ein \
                 Spannungsgefühl oder Kopfschmerzen für ein bis zwei Tage.",
                "Gelegentlich: Schwindel oder kurze Ohnmacht bei der Blutabnahme, kleine \
                 Knötchen, eine Infektion an den Einstichstellen.",
                "Selten: eine Verletzung eines Nervs bei der Blutabnahme, allergische \
                 Reaktionen auf Betäubungs- oder Desinfektionsmittel, Narben. Sehr selten \
                 wurden, wie bei anderen Einspritzungen im Gesicht, Durchblutungsstörungen bis \
                 hin zu Sehstörungen beschrieben.",
                "Weil das Plasma aus Ihrem eigenen Blut stammt, sind allergische Reaktionen \
                 darauf nicht zu erwarten.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat keine gesundheitlichen \
                 Nachteile. Bei Haarausfall sollte die Ursache aber ärztlich geklärt sein, zum \
                 Beispiel Eisenmangel oder eine Schilddrüsenerkrankung.",
                "Je nach Ziel kommen andere Verfahren infrage: bei Haarausfall Minoxidil als \
                 Lösung oder Schaum, bei Männern auch Finasterid; für die Haut Pflege mit \
                 Wirkstoffen, Microneedling, Peelings, Laser oder Hyaluronsäure. Ihre Ärztin \
                 oder Ihr Arzt erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Waschen Sie die Haare frühestens am nächsten Tag und verwenden Sie etwa zwölf \
                 Stunden lang kein Make-up auf den behandelten Stellen.",
                "Verzichten Sie 24 Stunden lang auf Sport, Sauna und Solarium. Nehmen Sie gegen \
                 Schmerzen in den ersten Tagen möglichst keine Mittel wie Ibuprofen oder \
                 Diclofenac, denn sie hemmen die Blutplättchen; fragen Sie, was Sie stattdessen \
                 nehmen können. Verordnete Medikamente nehmen Sie wie gewohnt weiter.",
                "Bei zunehmender Rötung, Schmerzen, Eiter oder Fieber melden Sie sich bitte in \
                 der Praxis, außerhalb der Sprechzeiten beim ärztlichen Bereitschaftsdienst \
                 unter 116 117. Bei weißer oder fleckiger Haut oder Sehstörungen nach einer \
                 Behandlung im Gesicht rufen Sie sofort den Notruf 112.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "source",
            question: "Woraus wird das Plasma gewonnen?",
            options: &[
                Choice::new("own_blood", "Aus meinem eigenen Blut"),
                Choice::new("donor", "Aus Spenderblut"),
                Choice::new("synthetic", "Es wird künstlich hergestellt"),
            ],
            correct: "own_blood",
            explanation: "Das Plasma wird aus Ihrem eigenen Blut gewonnen, das kurz vorher \
                          abgenommen und aufbereitet wird.",
        },
        CheckItem {
            id: "sessions",
            question: "Wie viele Sitzungen sind meist nötig?",
            options: &[
                Choice::new("one", "Eine"),
                Choice::new(
                    "several",
                    "Meist drei bis vier im Abstand von einigen Wochen",
                ),
            ],
            correct: "several",
            explanation: "Meist sind drei bis vier Sitzungen im Abstand von vier bis sechs \
                          Wochen nötig, später gelegentlich eine Auffrischung.",
        },
        CheckItem {
            id: "outcome",
            question: "Ist ein bestimmtes Ergebnis sicher?",
            options: &[
                Choice::new("guaranteed", "Ja, die Wirkung ist bei allen gleich"),
                Choice::new(
                    "varies",
                    "Nein, die Wirkung ist von Mensch zu Mensch verschieden",
                ),
            ],
            correct: "varies",
            explanation: "Wie gut PRP wirkt, ist sehr unterschiedlich, und die Belege sind \
                          nicht für jede Anwendung gleich gut. Niemand kann ein bestimmtes \
                          Ergebnis versprechen.",
        },
    ],
};
