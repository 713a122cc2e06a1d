//! Shared German texts and questions.

use crate::forms::model::{Choice, InfoKind, InfoSection, Question};

pub const INTRO_TALK: &str = "Das Formular ersetzt nicht das persönliche Aufklärungsgespräch. Vor \
    der Behandlung bespricht Ihre Ärztin oder Ihr Arzt alles mit Ihnen und beantwortet Ihre \
    Fragen. Bis zur Behandlung können Sie Ihre Einwilligung jederzeit ohne Angabe von Gründen \
    widerrufen.";

pub const INTRO_ENCRYPTED: &str = "Ihre Angaben werden auf diesem Gerät verschlüsselt, bevor sie \
    gesendet werden. Lesen können sie nur die Mitarbeitenden Ihrer Praxis, nicht der Anbieter \
    dieser Software.";

pub const INTRO_HONEST: &str = "Bitte antworten Sie so genau, wie Sie können. Manche Antworten \
    sind für Ihre Sicherheit wichtig; die Ärztin oder der Arzt spricht sie dann mit Ihnen an. \
    Wenn Sie bei einer Frage unsicher sind, schreiben Sie es in das Feld für Anmerkungen am \
    Ende.";

pub const AREAS_HINT: &str = "Mehrere Antworten möglich. Die endgültige Auswahl treffen Sie \
    gemeinsam im Gespräch.";

pub const ALLERGIES: Question = Question::yes_no(
    "allergies",
    "Haben Sie andere Allergien oder Unverträglichkeiten?",
)
.hint(
    "Zum Beispiel gegen Medikamente, Latex, Pflaster, Desinfektionsmittel oder Nahrungsmittel. \
     Bitte nennen Sie auch, ob Sie schon einmal einen allergischen Schock hatten.",
)
.details("Wogegen, und wie hat sich die Reaktion gezeigt?");

pub const MEDICATION: Question = Question::yes_no(
    "medication",
    "Nehmen Sie regelmäßig oder zurzeit Medikamente ein?",
)
.hint(
    "Auch die Pille und andere Hormone, pflanzliche Mittel und Nahrungsergänzungsmittel. \
     Blutverdünner fragen wir gleich noch einmal eigens ab.",
)
.details("Welche Medikamente, und wie oft?");

pub const ANTICOAGULANTS: Question = Question::yes_no(
    "anticoagulants",
    "Nehmen Sie Medikamente zur Blutverdünnung oder gegen Blutgerinnsel?",
)
.hint(
    "Zum Beispiel ASS (Aspirin), Clopidogrel, Phenprocoumon (Marcumar), Apixaban (Eliquis), \
     Rivaroxaban (Xarelto), Edoxaban, Dabigatran oder Heparin-Spritzen. Bitte setzen Sie \
     solche Medikamente nicht selbst ab; die Ärztin oder der Arzt bespricht das mit Ihnen.",
)
.details("Welches Medikament, und wofür?")
.flag_yes(
    "Antikoagulation/Thrombozytenaggregationshemmung: erhöhtes Blutungs- und Hämatomrisiko. \
     Nicht eigenmächtig absetzen lassen; Vorgehen ggf. mit der verordnenden Ärztin/dem \
     verordnenden Arzt abstimmen.",
);

pub const BLEEDING_SUPPLEMENTS: Question = Question::yes_no(
    "bleeding_supplements",
    "Haben Sie in den letzten sieben Tagen Schmerzmittel wie Ibuprofen, Diclofenac oder \
     Naproxen genommen, oder Fischöl (Omega-3), Vitamin E, Ginkgo oder Knoblauchkapseln?",
)
.hint("Diese Mittel können die Neigung zu Blutungen und blauen Flecken erhöhen.")
.details("Welches Mittel, und wann zuletzt?");

pub const PREGNANT: Question = Question::yes_no(
    "pregnant",
    "Sind Sie schwanger, könnten Sie schwanger sein, oder stillen Sie?",
)
.hint("Wenn das für Sie nicht zutreffen kann, wählen Sie „Nein“.")
.flag_yes(
    "Schwangerschaft/Stillzeit: elektive ästhetische Behandlung aufschieben (keine \
     ausreichenden Sicherheitsdaten).",
);

pub const AUTOIMMUNE: Question = Question::yes_no(
    "autoimmune",
    "Haben Sie eine Autoimmunerkrankung oder ein geschwächtes Immunsystem, oder nehmen Sie \
     Medikamente, die das Immunsystem unterdrücken?",
)
.hint(
    "Zum Beispiel Lupus, rheumatoide Arthritis, Schuppenflechte, Weißfleckenkrankheit \
     (Vitiligo), oder Kortison-Tabletten, Methotrexat oder Biologika.",
)
.details("Welche Erkrankung oder welches Medikament?");

pub const HERPES: Question = Question::yes_no(
    "herpes",
    "Bekommen Sie manchmal Lippenherpes (Fieberbläschen)?",
)
.hint(
    "Eine Behandlung im Gesicht kann einen Ausbruch auslösen. Die Ärztin oder der Arzt kann \
     vorbeugend ein Medikament empfehlen.",
)
.details("Wie oft, und wann zuletzt?")
.flag_yes(
    "Herpes labialis in der Anamnese: Reaktivierung möglich, v. a. perioral; antivirale \
     Prophylaxe erwägen. Bei floridem Herpes im Areal nicht behandeln.",
);

pub const KELOIDS: Question = Question::yes_no(
    "keloids",
    "Neigen Sie zu wulstigen, überschießenden Narben (Keloide oder hypertrophe Narben)?",
)
.details("Wo, und wodurch sind sie entstanden?")
.flag_yes(
    "Neigung zu Keloiden/hypertrophen Narben: erhöhtes Narbenrisiko; Indikation kritisch \
     prüfen, ggf. Testareal.",
);

pub const ISOTRETINOIN: Question = Question::yes_no(
    "isotretinoin",
    "Haben Sie in den letzten zwölf Monaten Isotretinoin eingenommen?",
)
.hint(
    "Isotretinoin ist ein Medikament in Kapselform gegen schwere Akne, zum Beispiel \
     Aknenormin oder Isotretinoin-ratiopharm.",
)
.details("Bis wann haben Sie es eingenommen?")
.flag_yes(
    "Isotretinoin in den letzten 12 Monaten: Risiko von Wundheilungsstörung und Narbenbildung; \
     zeitlichen Abstand und Indikation nach aktueller Fachempfehlung prüfen.",
);

pub const PHOTOSENSITISING: Question = Question::yes_no(
    "photosensitising",
    "Nehmen Sie Medikamente, die die Haut lichtempfindlich machen können?",
)
.hint(
    "Zum Beispiel manche Antibiotika (etwa Doxycyclin), Johanniskraut, Amiodaron oder manche \
     Entwässerungsmittel. Wenn Sie unsicher sind, wählen Sie „Ja“ und nennen Sie das Mittel.",
)
.details("Welches Medikament?")
.flag_yes(
    "Photosensibilisierende Medikation: erhöhtes Risiko für Verbrennung und \
     Pigmentstörung; Präparat prüfen, ggf. verschieben.",
);

pub const SUN_TAN: Question = Question::yes_no(
    "sun_tan",
    "Waren Sie in den letzten vier Wochen viel in der Sonne oder im Solarium, haben Sie \
     Selbstbräuner benutzt, oder ist die Haut im Behandlungsbereich gebräunt?",
)
.details("Was, und wann zuletzt?")
.flag_yes(
    "Frische UV-Exposition/Bräune: erhöhtes Risiko für Verbrennung und Pigmentverschiebung; \
     verschieben oder Parameter anpassen.",
);

pub const SKIN_TYPE: Question = Question::choice(
    "skin_type",
    "Wie reagiert Ihre Haut auf Sonne?",
    &[
        Choice::new("type1", "Sehr helle Haut: verbrennt immer, wird nie braun"),
        Choice::new("type2", "Helle Haut: verbrennt leicht, wird kaum braun"),
        Choice::new("type3", "Mittlere Haut: verbrennt manchmal, wird gut braun"),
        Choice::new(
            "type4",
            "Hellbraune Haut: verbrennt selten, wird schnell braun",
        ),
        Choice::new("type5", "Dunkelbraune Haut: verbrennt sehr selten"),
        Choice::new("type6", "Sehr dunkle Haut: verbrennt fast nie"),
        Choice::new("unsure", "Weiß ich nicht"),
    ],
    false,
)
.hint("Die Ärztin oder der Arzt beurteilt Ihren Hauttyp zusätzlich selbst.")
.flag_on(
    &["type4", "type5", "type6"],
    "Fitzpatrick IV–VI (Selbstangabe): höheres Risiko für postinflammatorische Hyper- und \
     Hypopigmentierung; Parameter anpassen, Testareal erwägen.",
);

pub const SKIN_INFECTION: Question = Question::yes_no(
    "skin_infection",
    "Haben Sie im Behandlungsbereich zurzeit eine Entzündung, eine Infektion, eine offene \
     Wunde, einen Ausschlag oder entzündete Pickel?",
)
.details("Was genau, und seit wann?")
.flag_yes(
    "Aktive Entzündung/Infektion im Behandlungsareal: dort bis zur Abheilung nicht \
     behandeln.",
);

pub const RECENT_TREATMENTS: Question = Question::yes_no(
    "recent_treatments",
    "Wurden Sie im Behandlungsbereich in den letzten drei Monaten ästhetisch behandelt oder \
     operiert?",
)
.hint(
    "Zum Beispiel mit Filler, Botulinumtoxin, Laser, Peeling, Microneedling, Fäden oder durch \
     eine Operation.",
)
.details("Was wurde wann gemacht?");

pub const PREVIOUS_COMPLICATIONS: Question = Question::yes_no(
    "previous_complications",
    "Hatten Sie bei einer früheren ästhetischen Behandlung Komplikationen oder länger \
     anhaltende Nebenwirkungen?",
)
.details("Was ist passiert?")
.flag_yes("Komplikation bei früherer ästhetischer Behandlung: Angaben vor Behandlung klären.");

pub const NOTES: Question = Question::text(
    "notes",
    "Möchten Sie Ihrer Ärztin oder Ihrem Arzt noch etwas mitteilen, oder haben Sie Fragen?",
    1000,
)
.optional();

pub const COSTS: InfoSection = InfoSection {
    kind: InfoKind::Costs,
    heading: "Kosten",
    paragraphs: &[
        "Ästhetische Behandlungen ohne medizinische Notwendigkeit bezahlen die gesetzlichen \
         Krankenkassen nicht, private Krankenversicherungen in der Regel auch nicht. Sie tragen \
         die Kosten selbst.",
        "Die Praxis nennt Ihnen die voraussichtlichen Kosten vor der Behandlung schriftlich. \
         Abgerechnet wird nach der Gebührenordnung für Ärzte (GOÄ); auf rein ästhetische \
         Behandlungen fällt Umsatzsteuer an. Wenn mehrere Sitzungen oder eine Nachkorrektur \
         üblich sind, fragen Sie bitte auch nach diesen Kosten.",
        "Muss eine Komplikation behandelt werden, kann Ihre Krankenkasse Sie an den Kosten \
         dieser Behandlung beteiligen.",
    ],
};
