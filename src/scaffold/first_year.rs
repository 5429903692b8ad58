//! The first year of an organisation (`ledgen init`): `report.yaml` and every standard section
//! file, each holding short Swedish guidance on what belongs there as placeholder text (marked
//! [`PLACEHOLDER_MARK`]), the JSON Schemas the files point editors at, and a commented
//! `_brand.yml` to fill in.

use anyhow::Result;
use chrono::NaiveDate;

use crate::model::{PLACEHOLDER_MARK, SectionKind, schema_modeline, schemas};

/// Every file of a new first year, by path relative to the target folder.
pub fn scaffold(
    organisation: &str,
    unit: Option<&str>,
    year: i32,
    date: NaiveDate,
) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let modeline = |schema: &str| schema_modeline(schema, 1);
    let mut report = format!("{}\n", modeline("report.schema.json"));
    report.push_str(&format!("organisation: {}\n", quoted(organisation)));
    if let Some(unit) = unit {
        report.push_str(&format!("unit: {}\n", quoted(unit)));
    }
    report.push_str(&format!(
        "title: Ledningens genomgång av informationssäkerhet\n\
         year: {year}\n\
         # Dagen då genomgången lämnas till ledningen, eller bara månaden (t.ex. {year}-09).\n\
         date: {date}\n\
         # Den som har sammanställt rapporten: ta bort # i början av raden och skriv namnet.\n\
         # author: Förnamn Efternamn\n\
         author_role: Informationssäkerhetssamordnare\n\
         language: sv\n\
         # Avsnitten i den ordning de visas; varje namn är en fil i den här mappen.\n\
         sections:\n",
        date = date.format("%Y-%m-%d")
    ));
    for (name, _) in SectionKind::STANDARD {
        report.push_str(&format!("  - {name}\n"));
    }
    report.push_str(&format!(
        "abbreviations:\n  \
           - term: ISAM\n    \
             meaning: Informationssäkerhetssamordnare\n  \
           - term: MSB\n    \
             meaning: Myndigheten för samhällsskydd och beredskap\n  \
           - term: OSL\n    \
             meaning: Offentlighets- och sekretesslag (2009:400)\n\
         revision_history:\n  \
           - date: {date}\n    \
             description: Första utkast, skapat med ledgen init.\n\
         # Visar en tabell över vilka underlag enligt ISO/IEC 27001:2022 9.3.2 avsnitten tar upp.\n\
         coverage_table: true\n",
        date = date.format("%Y-%m-%d")
    ));
    files.push((format!("{year}/report.yaml"), report));
    for (name, kind) in SectionKind::STANDARD {
        let text = format!("{}\n{}", modeline("section.schema.json"), section(kind, year));
        files.push((format!("{year}/{name}.yaml"), text));
    }
    for (name, schema) in schemas() {
        let mut text = serde_json::to_string_pretty(&schema)?;
        text.push('\n');
        files.push((format!("schema/{name}"), text));
    }
    files.push(("_brand.yml".into(), brand(organisation)));
    Ok(files)
}

/// A YAML double-quoted scalar: JSON's string syntax is valid YAML.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The brand template: a valid brand file with the organisation's name and the default accent,
/// and the logo and fonts commented out until there are files to name.
fn brand(organisation: &str) -> String {
    format!(
        "# yaml-language-server: $schema=schema/brand.schema.json\n\
         # Organisationens profil i formatet brand.yml (https://posit-dev.github.io/brand-yml/).\n\
         # Den gäller alla år i den här mappen; en _brand.yml i ett års mapp går före.\n\
         meta:\n  \
           name: {}\n\
         # Logotypen, med en sökväg relativt den här filen och en text (alt) som säger vad\n\
         # den föreställer. SVG är bäst; PNG och JPEG går också.\n\
         # logo:\n\
         #   path: profil/logotyp.svg\n\
         #   alt: Organisationens logotyp\n\
         color:\n  \
           # Huvudfärgen: rubriker, länkar och försättsbladet. Den måste ha en kontrast\n  \
           # på minst 4.5:1 mot vitt, så att text i den går att läsa.\n  \
           primary: \"{}\"\n\
         # Egna typsnitt (.ttf eller .otf) som ligger bredvid den här filen.\n\
         # typography:\n\
         #   fonts:\n\
         #     - family: Mitt Typsnitt\n\
         #       source: file\n\
         #       files:\n\
         #         - {{path: typsnitt/MittTypsnitt-Regular.ttf, weight: 400}}\n\
         #         - {{path: typsnitt/MittTypsnitt-Bold.ttf, weight: 700}}\n\
         #   base: Mitt Typsnitt\n",
        quoted(organisation),
        crate::model::DEFAULT_PRIMARY
    )
}

/// A standard section's file: its title and guidance on what belongs there.
fn section(kind: SectionKind, year: i32) -> String {
    let m = PLACEHOLDER_MARK;
    let previous = year - 1;
    match kind {
        SectionKind::Introduction => format!(
            "title: Inledning\ncontent:\n  - text: |\n      \
             {m} Beskriv kort varför genomgången görs och för vem: att ledningen en gång om året \
             går igenom informationssäkerhetsarbetet, enligt MSB:s metodstöd och ISO/IEC \
             27001:2022 avsnitt 9.3. Säg vem som äger informationen, vem som ansvarar för \
             informationssäkerheten och vem som har sammanställt rapporten.\n"
        ),
        SectionKind::Summary => format!(
            "title: Sammanfattning\ncontent:\n  - text: |\n      \
             {m} Sammanfatta på några rader hur informationssäkerhetsarbetet har gått under \
             {year}: vad som har blivit bättre, vilka brister som finns kvar och de viktigaste \
             rekommendationerna. Skriv den sist, när resten är klart.\n"
        ),
        SectionKind::FollowUps => format!(
            "title: Uppföljning av tidigare beslut\ncontent:\n  - text: |\n      \
             {m} Här följs besluten från förra årets genomgång upp. Det här är den första \
             genomgången, så det finns inga tidigare beslut att följa upp; skriv det, eller \
             beskriv beslut om informationssäkerhet som ledningen har fattat under {previous} \
             och {year} och hur långt de har kommit.\n"
        ),
        SectionKind::Revisions => format!(
            "title: Resultat från tidigare revisioner\ncontent:\n  - text: |\n      \
             {m} Redovisa vad revisioner och granskningar har visat, till exempel \
             internrevision, dataskyddsombudets granskning eller en extern revision, och vad som \
             har gjorts åt bristerna. Har ingen revision gjorts, skriv det.\n"
        ),
        SectionKind::Preventive => format!(
            "title: Status gällande förebyggande åtgärder\ncontent:\n  - text: |\n      \
             {m} Beskriv arbetet som ska förebygga incidenter: informationsklassning, \
             riskanalyser, utbildning, behörighetsgenomgångar och logguppföljning. Redovisa \
             också incidenter och klagomål under året och vad de har lärt er.\n  \
               - table:\n      \
                   columns: [Aktivitet]\n      \
                   status_column: Status\n      \
                   rows:\n        \
                     - id: klassning\n          \
                       cells:\n            \
                         - \"{m} Informationsklassning av verksamhetens system (ett exempel på en rad: byt ut eller ta bort)\"\n          \
                       status: ej bedömd\n        \
                     - id: riskanalys\n          \
                       cells:\n            \
                         - \"{m} Riskanalys av de viktigaste processerna (ett exempel på en rad: byt ut eller ta bort)\"\n          \
                       status: ej bedömd\n  \
               - text: |\n      \
                   {m} Status är grön, gul, röd eller ej bedömd. Skriv varför under \
                   `status_text:` på raden, till exempel `status_text: \"Genomförd för alla system.\"`.\n"
        ),
        SectionKind::Compliance => format!(
            "title: Överensstämmelse med krav och mål\ncontent:\n  - text: |\n      \
             {m} Beskriv hur väl verksamheten uppfyller de lagar och krav som gäller för \
             informationssäkerhet, till exempel dataskyddsförordningen, offentlighets- och \
             sekretesslagen och arkivlagen, och hur långt ni har kommit mot målen i \
             verksamhetsplanen.\n"
        ),
        SectionKind::ChangedConditions => format!(
            "title: Förändrade förhållanden som kan påverka ledningssystemet\ncontent:\n  - text: |\n      \
             {m} Beskriv vad som har ändrats inom och utanför verksamheten som påverkar \
             informationssäkerheten: ny lagstiftning, omorganisation, nya system eller \
             leverantörer, ett förändrat hotläge, nya krav och förväntningar från invånare, \
             kunder eller andra intressenter.\n"
        ),
        SectionKind::Recommendations => format!(
            "title: Rekommendation till förbättringar\ncontent:\n  - text: |\n      \
             {m} Föreslå vad ledningen bör besluta om för att förbättra \
             informationssäkerheten. Varje rekommendation får ett eget id och säger vad, hur, \
             vem och med vilken prioritet (låg, medel eller hög). Nästa år följs de upp.\n  \
               - recommendations:\n      \
                   - id: rek-{year}-01\n        \
                     text: \"{m} Ett exempel: en rutin för informationsklassning tas fram och beslutas.\"\n        \
                     how: \"{m} Hur det ska göras, t.ex. ISAM tar fram ett förslag som förvaltningschefen beslutar.\"\n        \
                     who: \"{m} Vem som ansvarar, t.ex. ISAM och förvaltningsledningen.\"\n        \
                     priority: medel\n"
        ),
        SectionKind::Appendices => format!(
            "title: Bilagor\ncontent:\n  - text: |\n      \
             {m} Lista bilagor som hör till genomgången, till exempel en incidentsammanställning \
             eller en GAP-analys mot ISO/IEC 27001:2022. Finns inga bilagor kan avsnittet tas \
             bort ur `sections:` i report.yaml.\n"
        ),
        SectionKind::Custom => format!("title: Avsnitt\ncontent:\n  - text: |\n      {m}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_any_name_a_single_yaml_string() {
        assert_eq!(quoted("Stad: \"Norr\"\n#x"), r#""Stad: \"Norr\"\n#x""#);
    }
}
