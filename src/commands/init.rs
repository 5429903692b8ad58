//! `ledgen init DIR`: start a first year from nothing.
//!
//! Writes `DIR/<year>/` with `report.yaml` and every standard section file, each holding short
//! Swedish guidance on what belongs there as placeholder text (marked [`PLACEHOLDER_MARK`], which
//! the report shows and `check` warns about until it is replaced), `DIR/schema/` with the JSON
//! Schemas the files point editors at, and a commented `DIR/_brand.yml` to fill in. The folder
//! is staged beside the target and renamed into place, so it appears only when complete.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, Local, NaiveDate};

use crate::cli::InitArgs;
use crate::model::{PLACEHOLDER_MARK, SectionKind, load_with_history, schemas};

/// Runs `ledgen init`.
pub fn run(args: &InitArgs) -> Result<()> {
    let organisation = args.organisation.trim();
    if organisation.is_empty() {
        bail!(
            "`--organisation` is empty: give the organisation's name, e.g. --organisation \"Exempelkommun\""
        );
    }
    let today = Local::now().date_naive();
    let year = args.year.unwrap_or(today.year());
    if !(1900..=9999).contains(&year) {
        bail!("the year must be from 1900 to 9999, not {year}");
    }
    let target = &args.dir;
    if target.exists() {
        let empty = target.is_dir()
            && fs::read_dir(target)
                .with_context(|| format!("failed to read `{}`", target.display()))?
                .next()
                .is_none();
        if !empty {
            bail!(
                "`{}` already exists and is not empty; ledgen init only writes into a new or \
                 empty folder\nhint: pick another folder name, e.g. `ledgen init ledningens-genomgang \
                 --organisation \"{organisation}\"`",
                target.display()
            );
        }
    }
    let date = if year == today.year() {
        today
    } else {
        NaiveDate::from_ymd_opt(year, today.month(), today.day().min(28)).unwrap_or(today)
    };
    let unit = args.unit.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let files = scaffold(organisation, unit, year, date)?;

    // Write everything into a hidden sibling folder, then rename it into place. An existing
    // empty folder (perhaps the current one) stays, and the staged files move into it.
    let existing = target.exists();
    let parent = if existing {
        let real = fs::canonicalize(target)
            .with_context(|| format!("failed to read `{}`", target.display()))?;
        real.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("failed to create `{}`", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".ledgen-init-")
        .tempdir_in(&parent)
        .with_context(|| format!("failed to create a folder in `{}`", parent.display()))?;
    for (name, text) in &files {
        let path = staging.path().join(name);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .with_context(|| format!("failed to create `{}`", folder.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    if existing {
        // Each top-level entry (the year, `schema/`, `_brand.yml`) appears whole.
        let entries = [year.to_string(), "schema".into(), "_brand.yml".into()];
        for name in &entries {
            let to = target.join(name);
            fs::rename(staging.path().join(name), &to)
                .with_context(|| format!("failed to create `{}`", to.display()))?;
        }
    } else {
        let staged = staging.keep();
        if let Err(error) = fs::rename(&staged, target) {
            let _ = fs::remove_dir_all(&staged);
            return Err(error).with_context(|| format!("failed to create `{}`", target.display()));
        }
    }

    // What was written must load like any report.
    load_with_history(&target.join(year.to_string()))?;
    print_next_steps(target, year);
    Ok(())
}

/// Tells a first-time user what was made and what to do next, in plain words.
fn print_next_steps(dir: &Path, year: i32) {
    let shown = dir.display();
    let content =
        if dir == Path::new("content") { String::new() } else { format!(" --content {shown}") };
    println!("Created a first review for {year} in `{shown}`:");
    let width = shown.to_string().chars().count() + 12;
    let rows = [
        (format!("{shown}/{year}/"), "the review: report.yaml and one file per section"),
        (format!("{shown}/schema/"), "lets your editor check the files as you type"),
        (format!("{shown}/_brand.yml"), "your organisation's name, logo, colours and fonts"),
    ];
    for (path, what) in rows {
        println!("  {path:<width$} {what}");
    }
    println!();
    println!("Next steps:");
    println!(
        "  1. Open the folder `{shown}` in an editor that understands YAML, e.g. Visual Studio \
         Code with the \"YAML\" extension by Red Hat. It marks mistakes as you type."
    );
    println!(
        "  2. Replace every text that starts with \"Att fylla i:\" with your own. \
         `ledgen check{content}` lists those left, with file and line."
    );
    println!("  3. `ledgen build{content}` makes the PDF and the web page, in `output/{year}/`.");
    println!(
        "  4. `ledgen build{content} --public` makes the edition without what is marked \
         `intern: true`, for publishing."
    );
    println!(
        "  Next year, `ledgen new {}{content}` starts the new review from this one.",
        year + 1
    );
}

/// Every file of a new first year, by path relative to the target folder.
fn scaffold(
    organisation: &str,
    unit: Option<&str>,
    year: i32,
    date: NaiveDate,
) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let modeline = |schema: &str| super::schema::modeline(schema, 1);
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
