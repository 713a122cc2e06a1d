use domain::ConsentType;

use crate::forms::common::de as c;
use crate::forms::model::{CheckItem, Choice, ConsentForm, InfoKind, InfoSection, Question};
use crate::i18n::Locale;

pub static FORM: ConsentForm = ConsentForm {
    kind: ConsentType::Filler,
    locale: Locale::De,
    version: "filler-de-2026-12-1",
    title: "Aufklärung und Einwilligung: Behandlung mit Hyaluronsäure-Filler",
    minutes: 9,
    intro: &[
        "Sie möchten sich mit einem Hyaluronsäure-Filler behandeln lassen. Mit diesem Formular \
         bereiten Sie das Gespräch mit Ihrer Ärztin oder Ihrem Arzt vor: Sie beantworten Fragen \
         zu Ihrer Gesundheit, lesen, wie die Behandlung abläuft, welche Risiken und \
         Alternativen es gibt, und prüfen mit drei kurzen Fragen, ob alles verständlich war.",
        c::INTRO_TALK,
        c::INTRO_ENCRYPTED,
        c::INTRO_HONEST,
    ],
    questions: &[
        Question::choice(
            "areas",
            "Welche Bereiche sollen behandelt werden?",
            &[
                Choice::new("lips", "Lippen"),
                Choice::new("perioral", "Fältchen um den Mund, Mundwinkel"),
                Choice::new(
                    "nasolabial",
                    "Nasolabialfalte (von der Nase zum Mundwinkel)",
                ),
                Choice::new("marionette", "Marionettenfalten (vom Mundwinkel zum Kinn)"),
                Choice::new("cheeks", "Wangen, Jochbein"),
                Choice::new("tear_trough", "Tränenrinne unter den Augen"),
                Choice::new("temples", "Schläfen"),
                Choice::new("chin", "Kinn"),
                Choice::new("jawline", "Kieferlinie"),
                Choice::new("nose", "Nase"),
                Choice::new("other", "Anderer Bereich (bitte am Ende nennen)"),
            ],
            true,
        )
        .hint(c::AREAS_HINT),
        Question::yes_no(
            "allergy_product",
            "Haben Sie schon einmal allergisch auf Hyaluronsäure-Filler, auf Lidocain oder \
             andere Betäubungsmittel zum Spritzen, oder auf Bienen- oder Wespenstiche reagiert?",
        )
        .hint(
            "Viele Filler enthalten Lidocain zur Betäubung. Das Mittel, das Filler im Notfall \
             auflöst (Hyaluronidase), ist mit Bienengift verwandt.",
        )
        .details("Worauf, und wie hat sich die Reaktion gezeigt?")
        .flag_yes(
            "Allergie gegen Hyaluronsäure-Filler, Lidocain/Lokalanästhetika oder Bienen-/\
             Wespengift (Kreuzreaktion mit Hyaluronidase möglich): Präparat und Notfallplan \
             prüfen.",
        ),
        c::ALLERGIES,
        c::MEDICATION,
        c::ANTICOAGULANTS,
        c::BLEEDING_SUPPLEMENTS,
        c::PREGNANT,
        c::AUTOIMMUNE.flag_yes(
            "Autoimmunerkrankung/Immunsuppression: erhöhtes Risiko verzögerter \
             Entzündungsreaktionen und Infektionen; Indikation prüfen, ggf. in stabiler Phase.",
        ),
        Question::yes_no(
            "permanent_filler",
            "Wurde im Behandlungsbereich jemals ein dauerhafter Filler, ein Implantat oder ein \
             Fadenlifting eingesetzt?",
        )
        .hint(
            "Zum Beispiel Silikon, PMMA oder Polyalkylimid. Wenn Sie nicht wissen, was früher \
             gespritzt wurde, wählen Sie „Ja“ und schreiben Sie, was Sie wissen.",
        )
        .details("Was, wo und wann?")
        .flag_yes(
            "Permanenter/semipermanenter Filler, Implantat oder Fäden im Areal: Risiko von \
             Granulomen und Infektion; Vorgeschichte klären.",
        ),
        c::RECENT_TREATMENTS,
        c::HERPES,
        c::SKIN_INFECTION,
        Question::yes_no(
            "dental",
            "Hatten Sie in den letzten zwei Wochen eine Zahnbehandlung, ist eine in den \
             nächsten zwei Wochen geplant, oder haben Sie eine Entzündung an Zähnen oder \
             Zahnfleisch?",
        )
        .details("Was, und wann?")
        .flag_yes(
            "Zahnbehandlung ±2 Wochen oder dentale Entzündung: erhöhtes Infektions-/\
             Biofilmrisiko, v. a. perioral; Termin abstimmen.",
        ),
        Question::yes_no(
            "recent_illness",
            "Hatten Sie in den letzten zwei Wochen eine fieberhafte Erkrankung oder eine \
             Impfung, oder ist eine Impfung in den nächsten zwei Wochen geplant?",
        )
        .details("Was, und wann?")
        .flag_yes(
            "Infekt oder Impfung ±2 Wochen: als Auslöser verzögerter Entzündungsreaktionen \
             beschrieben; Zeitpunkt abwägen.",
        ),
        c::PREVIOUS_COMPLICATIONS,
        c::NOTES,
    ],
    information: &[
        InfoSection {
            kind: InfoKind::Nature,
            heading: "Was bei der Behandlung geschieht",
            paragraphs: &[
                "Hyaluronsäure ist ein Stoff, den der Körper auch selbst bildet; er bindet \
                 Wasser. Als Gel unter die Haut gespritzt, füllt er Falten auf, gibt Volumen \
                 zurück oder formt Konturen wie Lippen, Wangen oder Kinn.",
                "Die Ärztin oder der Arzt spritzt das Gel mit einer feinen Nadel oder einer \
                 stumpfen Kanüle. Viele Präparate enthalten ein Betäubungsmittel; zusätzlich \
                 kann eine betäubende Creme aufgetragen werden. Die Behandlung dauert meist 20 \
                 bis 45 Minuten.",
                "Das Ergebnis ist sofort sichtbar, wird aber in den ersten Tagen durch \
                 Schwellungen verdeckt. Der Körper baut das Gel allmählich ab; je nach Bereich \
                 und Präparat hält es meist sechs bis achtzehn Monate. Ein bestimmtes Ergebnis \
                 kann niemand versprechen.",
                "Die Behandlung ist medizinisch nicht notwendig und nicht eilig. Sie können sich \
                 in Ruhe entscheiden.",
            ],
        },
        InfoSection {
            kind: InfoKind::Risks,
            heading: "Risiken und Nebenwirkungen",
            paragraphs: &[
                "Häufig: Rötung, Schwellung, Druckschmerz und blaue Flecken. An den Lippen kann \
                 die Schwellung einige Tage deutlich sein. Kleine Unebenheiten oder Knötchen \
                 sind anfangs tastbar und glätten sich meist von selbst.",
                "Gelegentlich: eine ungleichmäßige Verteilung, eine sichtbare bläuliche \
                 Verfärbung bei oberflächlich liegendem Gel, eine Infektion oder ein \
                 Herpes-Ausbruch an den Lippen. Sehr selten verrutscht das Gel, oder Wochen bis \
                 Monate später entstehen entzündliche Knoten.",
                "Selten, aber ernst: Gelangt Gel in ein Blutgefäß oder drückt es eines ab, wird \
                 die Haut dahinter nicht mehr durchblutet. Unbehandelt kann sie absterben und \
                 eine Narbe bleiben. Sehr selten gelangt Gel in ein Gefäß, das das Auge \
                 versorgt; das kann zu einer bleibenden Erblindung oder einem Schlaganfall \
                 führen. Das Risiko ist an Nase, Stirn, Zornesfalte und Tränenrinne höher.",
                "Warnzeichen sind ein starker, zunehmender Schmerz, eine weiße, fleckige oder \
                 bläuliche Haut sowie Sehstörungen. Hyaluronsäure lässt sich mit einem Enzym \
                 (Hyaluronidase) auflösen; je schneller das geschieht, desto besser.",
                "Selten sind allergische Reaktionen, auch auf das Betäubungsmittel.",
            ],
        },
        InfoSection {
            kind: InfoKind::Alternatives,
            heading: "Andere Möglichkeiten",
            paragraphs: &[
                "Sie können auf die Behandlung verzichten. Das hat keine gesundheitlichen \
                 Nachteile.",
                "Je nach Ziel kommen andere Verfahren infrage: Botulinumtoxin für Falten, die \
                 durch Mimik entstehen, Laser, Peeling oder Microneedling für die \
                 Hautoberfläche, Eigenfett oder eine Operation für größere \
                 Volumenveränderungen. Andere Filler-Materialien halten länger, lassen sich \
                 aber nicht auflösen. Ihre Ärztin oder Ihr Arzt erklärt, was für Sie passt.",
            ],
        },
        InfoSection {
            kind: InfoKind::Aftercare,
            heading: "Nach der Behandlung",
            paragraphs: &[
                "Kühlen Sie die Stellen bei Bedarf vorsichtig mit einem Kühlpad in einem Tuch. \
                 Drücken oder massieren Sie nur, wenn die Ärztin oder der Arzt es Ihnen sagt.",
                "Verzichten Sie etwa 24 Stunden auf Make-up an den Einstichstellen und zwei \
                 Wochen auf Sauna, Solarium und starke Hitze; Sport erst nach ein bis zwei \
                 Tagen. Planen Sie in den zwei Wochen danach möglichst keine Zahnbehandlung.",
                "Nach etwa zwei Wochen ist die Schwellung abgeklungen; dann ist eine Kontrolle \
                 sinnvoll.",
                "Bei starkem oder zunehmendem Schmerz, weißer oder fleckig-blauer Haut, \
                 Sehstörungen, Fieber oder einer heißen, roten Schwellung melden Sie sich sofort \
                 in der Praxis. Ist sie nicht erreichbar, oder sehen Sie schlechter, rufen Sie \
                 den Notruf 112.",
            ],
        },
        c::COSTS,
    ],
    comprehension: &[
        CheckItem {
            id: "warning_signs",
            question: "Welche Zeichen nach der Behandlung sind ein Notfall?",
            options: &[
                Choice::new("swelling", "Eine leichte Schwellung am ersten Tag"),
                Choice::new(
                    "pale_pain_vision",
                    "Starker Schmerz, weiße oder fleckige Haut, Sehstörungen",
                ),
                Choice::new("bruise", "Ein kleiner blauer Fleck"),
            ],
            correct: "pale_pain_vision",
            explanation: "Starker, zunehmender Schmerz, weiße oder fleckig-blaue Haut und \
                          Sehstörungen können bedeuten, dass ein Blutgefäß verschlossen ist. \
                          Melden Sie sich dann sofort; Schwellungen und kleine blaue Flecken \
                          sind dagegen normal.",
        },
        CheckItem {
            id: "dissolvable",
            question: "Kann man Hyaluronsäure-Filler wieder auflösen?",
            options: &[
                Choice::new("yes", "Ja, mit einem Enzym (Hyaluronidase)"),
                Choice::new("no", "Nein, er bleibt, bis er abgebaut ist"),
            ],
            correct: "yes",
            explanation: "Hyaluronsäure lässt sich mit dem Enzym Hyaluronidase auflösen, im \
                          Notfall oder wenn das Ergebnis nicht gefällt.",
        },
        CheckItem {
            id: "duration",
            question: "Wie lange hält ein Hyaluronsäure-Filler meist?",
            options: &[
                Choice::new("weeks", "Einige Wochen"),
                Choice::new("months", "Etwa sechs bis achtzehn Monate"),
                Choice::new("permanent", "Ein Leben lang"),
            ],
            correct: "months",
            explanation: "Der Körper baut das Gel allmählich ab. Je nach Bereich und Präparat \
                          hält es meist sechs bis achtzehn Monate.",
        },
    ],
};
