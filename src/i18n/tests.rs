//! The report's words as a reader sees them: the sentences, the counts in words and the fixed
//! words, checked in Swedish.

use super::*;
use crate::diff::DiffSummary;
use crate::diff::{ChangeKind, RecommendationState};

const SV: Language = Language::Sv;

fn changes(
    (improved, regressed): (usize, usize),
    (added, removed): (usize, usize),
    (followed_up, not_followed_up): (usize, usize),
) -> String {
    let counts = DiffSummary {
        improved,
        regressed,
        added,
        removed,
        followed_up,
        not_followed_up,
        ..DiffSummary::default()
    };
    changes_summary(SV, 2022, &counts)
}

// "0 rader", "1 incident … 0 av dem" and sentences starting with a digit read as machine
// output in a document for the board.
#[test]
fn changes_summary_reads_as_swedish_for_none_one_and_many() {
    assert_eq!(
        changes((0, 0), (0, 0), (0, 0)),
        "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
         status. Inga rader har tillkommit eller tagits bort."
    );
    assert_eq!(
        changes((1, 0), (1, 0), (1, 0)),
        "Jämfört med ledningens genomgång 2022 har en rad fått förbättrad status och ingen \
         försämrad status. Sedan dess har en rad utöver uppföljningarna tillkommit och ingen \
         tagits bort. Den enda rekommendationen från 2022 följs upp i årets genomgång."
    );
    assert_eq!(
        changes((0, 0), (0, 0), (5, 0)),
        "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
         status. Inga rader har tillkommit utöver uppföljningarna eller tagits bort. Alla \
         fem rekommendationer från 2022 följs upp i årets genomgång."
    );
    assert_eq!(
        changes((0, 1), (0, 1), (0, 1)),
        "Jämfört med ledningens genomgång 2022 har inga rader fått förbättrad status och en \
         försämrad status. Sedan dess har inga rader tillkommit och en tagits bort. Den enda \
         rekommendationen från 2022 följs inte upp i årets genomgång."
    );
    assert_eq!(
        changes((3, 2), (14, 5), (4, 2)),
        "Jämfört med ledningens genomgång 2022 har tre rader fått förbättrad status och två \
         försämrad status. Sedan dess har 14 rader utöver uppföljningarna tillkommit och fem \
         tagits bort. Av de sex rekommendationerna från 2022 följs fyra upp i årets genomgång."
    );
    assert!(
        changes((0, 0), (0, 0), (6, 0))
            .ends_with("Alla sex rekommendationer från 2022 följs upp i årets genomgång.")
    );
    assert!(
        changes((0, 0), (0, 0), (0, 13))
            .ends_with("Ingen av de 13 rekommendationerna från 2022 följs upp i årets genomgång.")
    );
}

#[test]
fn incidents_summary_reads_as_swedish_for_none_one_and_many() {
    assert_eq!(incidents_summary(SV, 0, 0, 0, 0), "Inga incidenter har registrerats.");
    assert_eq!(
        incidents_summary(SV, 1, 0, 0, 0),
        "En incident har registrerats. Den rörde inte personuppgifter."
    );
    assert_eq!(
        incidents_summary(SV, 1, 0, 1, 0),
        "En incident har registrerats. Den rörde personuppgifter men anmäldes inte till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 1, 0, 1, 1),
        "En incident har registrerats. Den rörde personuppgifter och anmäldes till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 2, 0, 0, 0),
        "Två incidenter har registrerats. Ingen av dem rörde personuppgifter eller anmäldes \
         till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 7, 0, 3, 1),
        "Sju incidenter har registrerats. Av dem rörde tre personuppgifter och en anmäldes \
         till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 23, 0, 4, 0),
        "Totalt har 23 incidenter registrerats. Av dem rörde fyra personuppgifter och ingen \
         anmäldes till IMY."
    );
}

#[test]
fn incidents_summary_counts_the_confidential_ones_in_the_first_sentence() {
    assert_eq!(
        incidents_summary(SV, 5, 1, 2, 1),
        "Fem incidenter har registrerats, varav en omfattas av sekretess. Av dem rörde två \
         personuppgifter och en anmäldes till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 2, 2, 0, 0),
        "Två incidenter har registrerats, samtliga omfattas av sekretess. Ingen av dem rörde \
         personuppgifter eller anmäldes till IMY."
    );
    assert_eq!(
        incidents_summary(SV, 1, 1, 0, 0),
        "En incident, som omfattas av sekretess, har registrerats. Den rörde inte \
         personuppgifter."
    );
}

#[test]
fn confidential_rows_sentence_says_how_many_and_what_the_edition_does_with_them() {
    assert_eq!(confidential_rows(SV, 0, 21, true), None);
    assert_eq!(
        confidential_rows(SV, 2, 21, true).as_deref(),
        Some(
            "Av de 21 raderna omfattas två av sekretess; de räknas med här men redovisas \
             inte i den här versionen."
        )
    );
    assert_eq!(
        confidential_rows(SV, 1, 21, false).as_deref(),
        Some("Av de 21 raderna omfattas en av sekretess och är markerad Intern.")
    );
    assert_eq!(
        confidential_rows(SV, 1, 1, true).as_deref(),
        Some(
            "Raden omfattas av sekretess; den räknas med här men redovisas inte i den här \
             versionen."
        )
    );
}

#[test]
fn withheld_note_reads_as_swedish_for_none_one_and_many() {
    assert_eq!(
        withheld_note(SV, 0),
        "Antalen inkluderar inga uppgifter som omfattas av sekretess."
    );
    assert_eq!(
        withheld_note(SV, 1),
        "Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas i \
         denna version."
    );
    assert_eq!(
        withheld_note(SV, 3),
        "Antalen inkluderar även tre uppgifter som omfattas av sekretess och inte redovisas i \
         denna version."
    );
}

#[test]
fn approval_reads_as_one_sentence_from_the_parts_given() {
    assert_eq!(
        approval(SV, Some("Kommunstyrelsen"), Some(("12 mars 2025", true)), Some("KS 2025/123"))
            .unwrap(),
        "Fastställd av Kommunstyrelsen den 12 mars 2025, diarienummer KS 2025/123."
    );
    assert_eq!(
        approval(SV, None, Some(("mars 2025", false)), None).unwrap(),
        "Fastställd i mars 2025."
    );
    assert_eq!(approval(SV, None, None, Some("KS 1")).unwrap(), "Diarienummer KS 1.");
    assert_eq!(approval(SV, None, None, None), None);
}

#[test]
fn dates_and_roles_read_as_a_registrar_writes_them() {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 9, 6).unwrap();
    assert_eq!(date_in_prose(SV, date, true), "6 september 2024");
    assert_eq!(date_in_prose(SV, date, false), "september 2024");
    let roles = ["Dataskyddsombud"];
    for (who, written) in [
        ("Förvaltningsdirektör Kim Ek", "förvaltningsdirektör Kim Ek"),
        ("Dataskyddsombud Ali Berg", "dataskyddsombud Ali Berg"),
        ("Kommunstyrelsen", "Kommunstyrelsen"),
        ("Kim Ek", "Kim Ek"),
        ("Stadsdelsnämnden Norr", "Stadsdelsnämnden Norr"),
    ] {
        assert_eq!(role_mid_sentence(SV, who, &roles), written);
    }
    assert_eq!(
        change_words(SV, ChangeKind::Regressed).for_count(1).counted,
        "försämrad",
        "singular after one"
    );
    assert_eq!(change_words(SV, ChangeKind::Added).for_count(2).counted, "nya");
}

// The report's change markers showed "gul → grön" from the content words; the one
// vocabulary must say the same, or every report's markers would change.
#[test]
fn a_status_change_reads_as_the_content_words() {
    for old in Status::ALL {
        for new in Status::ALL {
            let expected = format!("{} → {}", old.keyword(), new.keyword());
            assert_eq!(status_change(SV, old, new), expected);
        }
    }
}

#[test]
fn a_recommendation_is_new_with_the_added_rows_word_or_remains_from_one_named() {
    let state = |s, id, similarity| recommendation_state(SV, s, id, similarity);
    assert_eq!(state(RecommendationState::New, None, None), "Ny");
    assert_eq!(state(RecommendationState::Remains, None, None), "Kvarstår");
    assert_eq!(state(RecommendationState::Remains, Some("rek-1"), None), "Kvarstår (från rek-1)");
    assert_eq!(
        state(RecommendationState::Remains, Some("rek-1"), Some(0.853)),
        "Kvarstår (från rek-1, med omformulerad text)"
    );
    assert_eq!(history_follow_up(SV, "uppf-1"), "uppföljning uppf-1");
}

#[test]
fn no_generated_sentence_starts_with_a_digit() {
    for total in 0..30 {
        for personal in [0, 1, total] {
            let text = incidents_summary(SV, total, personal.min(total), personal.min(total), 0);
            for sentence in text.split(". ") {
                assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
            }
        }
    }
    for n in [0, 1, 2, 12, 13, 40] {
        let text = changes((n, n), (n, n), (n, n));
        for sentence in text.split(". ") {
            assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
        }
    }
}
