# ledgen's messages in English. Each message has a key that is the same in every language
# (locales/sv.ftl holds the Swedish); a variable such as { $path } is filled in by the program.
# Syntax: https://projectfluent.org/fluent/guide/

## How a diagnostic is laid out

severity-error = error
severity-warning = warning
note-hint = hint
note-note = note
content-errors = { $count ->
    [one] the content has { $count } error
   *[other] the content has { $count } errors
}
error-caused-by = caused by

## Started by a double-click (src/main.rs)

main-previewing = Showing the management review in `{ $folder }` in the browser; the page is updated when you save.
    Close the window to stop.

## Reading the content (src/model/status.rs, load.rs, yaml.rs, mod.rs)
status-unknown-status = unknown status `{ $word }`: expected one of `grön`, `gul`, `röd`, `ej bedömd` (or `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = unknown priority `{ $word }`: expected one of `låg`, `medel`, `hög` (or `low`, `medium`, `high`)
status-unknown-decision = unknown decision `{ $word }`: expected one of `antagen`, `avslagen`, `ändrad`, `bordlagd` (or `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; did you mean `{ $hint }`?
yesno-expected = expected `true` or `false` (or `ja` or `nej`), found `{ $value }`
config-no-content-folder = cannot read the content folder `{ $path }`: it does not exist
config-content-is-here = this folder holds the reviews itself ({ $years }): give `--content .`, or run the command from the folder above it
config-content-is-there = { $count ->
    [one] the reviews are in `{ $folder }`: give { $options }
   *[other] reviews are in several folders here: give one of { $options }
}
config-rename-report-yml = rename `report.yml` to `report.yaml`
config-year-folder-needs-report-yaml = every year folder needs a `report.yaml` with the review's organisation, year, date and sections (see docs/content-format.md)
config-folder-without-report-yaml =
    the folder `{ $path }` has no `report.yaml`
    hint: { $hint }
config-no-report-for-year = no report for { $year } under `{ $path }`: { $available }
config-no-year-folders = no report under `{ $path }`: expected folders named by year, e.g. `{ $path }/2023/report.yaml`
config-no-years-available = it holds no year folders with a `report.yaml`
config-years-available = the years there are { $years }
years-no-year-folders = no report under `{ $path }`: expected folders named by year
years-earlier-report-does-not-load = the report for { $year } does not load, so links to it are not checked
years-run-check-to-see-why = run `ledgen check { $year }` to see why
years-did-you-mean-recommendation = did you mean `{ $id }` ({ $year })?
years-no-earlier-year = there is no year before { $year } under `{ $path }`

yaml-empty-file = the file is empty
yaml-empty-file-hint = a content file is a YAML mapping; see docs/content-format.md
yaml-cannot-read = cannot read the file: { $error }
yaml-link-outside = the file is a link to `{ $path }`, outside the report folder
yaml-link-outside-hint = content files are read from the report folder only; copy the file into it
yaml-not-a-file = not a regular file
yaml-too-large = the file is { $size } MiB, more than the { $limit } MiB a content file may be
yaml-too-large-hint = a whole review is well under 1 MiB; is this the right file?
yaml-utf16 = the file is UTF-16 text, not UTF-8
yaml-save-as-utf8 = save the file as UTF-8 (in most editors: "Save with encoding")
yaml-invalid-utf8 = the file is not valid UTF-8 text: byte { $byte } does not belong here
yaml-invalid-utf8-hint = save the file as UTF-8 (in most editors: "Save with encoding"); it looks like part of it was written in another encoding, such as Windows-1252

load-internal-error = internal error while reading the report: { $error }; please report it
load-no-report-yaml = no `report.yaml` in `{ $path }`
load-no-report-folder = report folder `{ $path }` does not exist
load-report-folder-hint = a report folder holds `report.yaml` and one YAML file per section
load-invalid-section-name = invalid section name `{ $name }`
load-section-name-hint = a section name is a file stem of letters, digits and `-`
load-section-listed-twice = section `{ $name }` is listed twice
load-first-listed = first listed on line { $line }
load-section-file-not-found = section file `{ $path }` not found
load-did-you-mean = did you mean `{ $name }`?
load-generated-one-per-item = each item of `generated_sections` names one section
load-generated-one-per-item-hint = write one name per item, e.g. `- status_overview: {"{"} after: summary {"}"}`
load-generated-sections-are = the generated sections are { $names }
load-generated-unknown = unknown generated section `{ $name }`
load-generated-listed-twice = generated section `{ $name }` is listed twice
load-after-not-listed = `after: { $name }` names no section listed under `sections`
load-after-not-listed-hint = `after` takes a file stem listed under `sections`
load-year-not-folder = `year: { $year }` does not match the folder name `{ $folder }`
load-year-not-folder-hint = write `year: { $folder }` or rename the folder
load-part-too-deep = part `{ $title }` is nested too deeply
load-part-too-deep-hint = parts nest at most { $levels } heading levels
load-heading-span = a heading holds a bracketed span (`[…]{"{"}…{"}"}`), which only texts may hold
load-heading-span-hint = a heading cannot mask a phrase or mark a language; mask the phrase in the text below it, or mark the whole part `intern: true`
load-table-no-columns = a table needs at least one column
load-row-cells = row `{ $id }` has { $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
} but the table has { $columns ->
    [one] { $columns } column
   *[other] { $columns } columns
}
load-row-cells-note = the columns are { $columns }; the status goes under `status_text`
load-incident-outside-years-hint = incidents must be dated within { $years }; check the year
load-unknown-category = unknown incident category `{ $category }`
load-categories-are = the categories are { $categories }; list your own under `categories:`
load-unknown-requirement = unknown ISO/IEC 27001:2022 requirement `{ $clause }`
load-unknown-requirement-hint = use a clause from 4.1 to 10.2, or an Annex A theme A.5 to A.8
load-requirement-twice = requirement `{ $clause }` is assessed twice
load-first-assessed = first assessed on line { $line }
load-footnote-unwritten = footnote `[^{ $label }]` is never written
load-footnote-unwritten-hint = write its text in the same field, on a line of its own after a blank line: `[^{ $label }]: Källa: …`
load-image-outside = image `{ $url }` is outside the report folder
load-image-outside-hint = put the image in the report folder and give its path from there, e.g. `bilder/karta.png`
load-image-backslash = image `{ $url }` has a `\` in its path
load-image-backslash-hint = separate folders with `/`, as on the web: `{ $url }`
load-image-type = image `{ $url }` is not of an allowed type
load-image-type-hint = use a PNG, JPEG, GIF or SVG file
load-image-not-found = image `{ $url }` not found in the report folder
load-image-link-outside = image `{ $url }` is a link to `{ $real }`, outside the report folder
load-image-too-large = image `{ $url }` is { $size } KiB, more than the { $limit } KiB allowed
load-image-too-large-hint = save the image at a smaller size
load-image-unreadable = cannot read image `{ $url }`: { $error }
load-image-too-many-pixels = image `{ $url }` is { $megapixels } megapixels, which takes the report's images past the { $limit } megapixels a report may show
load-image-too-many-pixels-hint = save the images at the size they are shown; 2,000 pixels across is sharp on a printed page

lint-no-status-text = row `{ $id }` has no status text
lint-no-status-text-hint = say in `status_text` why the status is what it is
lint-input-not-covered = no section addresses ISO/IEC 27001:2022 9.3.2 { $letter }) { $input }
lint-input-not-covered-hint = add a section on it, or list the input under a section's `covers:`
lint-date-not-in-year = the report date { $date } is not in the report's year { $year }
lint-status-contradiction = row `{ $id }`: status `{ $status }` but the status text says `{ $word }`
lint-no-decision = recommendation `{ $id }` has no decision, though the meeting has been held
lint-no-decision-hint = record the management's decision with `decision: antagen`, `avslagen`, `ändrad` or `bordlagd`
# $missing is who, priority or both.
lint-no-who-or-priority = recommendation `{ $id }` has no { $missing ->
    [who] `who`
    [priority] `priority`
   *[both] `who` and `priority`
} (Vem, Prioritet)
lint-incident-outside-year = incident `{ $id }` is dated { $date }, outside the report's year { $year }
# $kind is table, recommendations or incidents; $key is intern or sekretess.
lint-whole-block-intern = `{ $key }` is set on the whole { $kind ->
    [recommendations] recommendations block: all { $count } recommendations
    [incidents] incidents block: all { $count } incidents
   *[table] table: all { $count } rows
} are left out of the public edition; did you mean to mark one item?
lint-whole-block-intern-hint = to leave out one item, put `intern: true` (or `sekretess:`) under that item, at the level of its `id:`
lint-placeholder = this text is still the placeholder from `ledgen init` (it starts with "Att fylla i:")
lint-placeholder-hint = replace it with your own text, or delete it if it does not apply
# $what is approved or meeting.
lint-date-before-report = { $what ->
    [approved] the approval date (`approved_on`)
   *[meeting] the meeting date (`meeting.date`)
} { $at } is before the report's date { $date }
lint-date-a-year-after = { $what ->
    [approved] the approval date (`approved_on`)
   *[meeting] the meeting date (`meeting.date`)
} { $at } is more than a year after the report's date { $date }
lint-date-after-report-hint = check the year; { $what ->
    [approved] a review is approved after it is written, at or after the meeting
   *[meeting] the management reviews the report at the meeting, so the meeting is on or after the report's date
}
lint-revision-outside-year = the revision history entry of { $date } is not in the report's year { $year }
# $what is row or recommendation.
lint-deadline-years-before = the deadline { $due } of { $what ->
    [row] row
   *[recommendation] recommendation
} `{ $id }` is years before this review of { $year }
lint-deadline-years-before-hint = check the year of `due`; a deadline already past shows as overdue
# $what is text (a text mentions the standard) or coverage (the coverage table is made against it).
lint-27001-2022-before-published = { $what ->
    [text] this text
   *[coverage] the coverage table (9.3.2)
} refers to ISO/IEC 27001:2022, but the review is dated { $date }, before the standard was published ({ $published })
lint-27001-2022-before-published-hint = check the report's `date`, or refer to ISO/IEC 27001:2013
lint-review-markers = { $count ->
    [one] a text carried over from last year is still marked `Att granska`
   *[other] { $count } texts carried over from last year are still marked `Att granska` (the first here)
}
lint-review-markers-hint = review the text, then remove the marker
load-invalid-id = invalid id `{ $id }`
load-invalid-id-hint = ids use a-z, 0-9 and `-`, e.g. `{ $example }`
load-first-used-at = first used at { $place }
load-duplicate-id = duplicate id `{ $id }`
load-duplicate-id-hint = every row and recommendation needs its own id
load-link-not-allowed = link to `{ $url }` is not allowed
load-link-not-allowed-hint = links must be http://, https:// or mailto: addresses
load-image-no-description = image `{ $url }` has no description
load-image-no-description-hint = describe it for readers who cannot see it: `![Karta över ...]({ $url })`

yaml-missing-field = missing field `{ $field }`
yaml-missing-field-hint = add { $field } to this entry, or check that it is indented like the keys beside it
yaml-unknown-field = unknown field `{ $field }`, expected one of { $expected }

yaml-two-documents = the file holds more than one YAML document
yaml-two-documents-hint = a line `---` starts a new YAML document; a content file is one document, so remove the `---` line
yaml-empty-value = this value is empty
yaml-empty-value-hint = write the text after the colon, or leave the key out if it is optional
yaml-colon-in-text = this text holds `: `, which YAML reads as a key and its value
yaml-colon-in-text-hint = put the text in quotes: `{ $fix }`
yaml-tab = line { $line } is indented with a tab, and YAML allows only spaces
yaml-tab-hint = YAML is indented with spaces only; replace the tab with spaces, as many as the lines beside it use
yaml-spaces = { $count ->
    [one] { $count } space
   *[other] { $count } spaces
}
yaml-start-at-line-start = start it at the beginning of the line
yaml-indent-by = indent it by { $spaces }
yaml-indented-others-not = line { $line } is indented { $ours }, but the lines around it are not
yaml-indented-unlike-others = line { $line } is indented { $ours }, but the lines around it are indented { $theirs }
yaml-same-level-hint = { $fix }; in YAML, lines at the same level must start in the same column, and how far a line is indented says what it belongs to
yaml-expected-whole-number = expected a whole number here, e.g. `2023`

## Building (src/error.rs)
build-error-typst = failed to compile the PDF (Typst source written to `{ $path }`)
build-error-timed-out =
    compiling `{ $path }` took longer than { $seconds } s and was stopped
    hint: a template override may loop forever; if the report is just large, allow more time with `--timeout SECONDS`
build-error-internal = internal error while compiling `{ $path }`: { $message }; please report it
build-error-public-hidden = the public edition does not show the content's text; build the internal edition (without `--public`) to see the line

## model/register.rs
register-sheet-without-from = an `incidents` block has `sheet` or `columns` but no `from`
register-sheet-without-from-hint = name the register export with `from:`, e.g. `from: incidenter.xlsx`
register-records-and-from = an `incidents` block has either `records` or `from`, not both
register-records-and-from-hint = add the incidents to the register, or list them all here
register-outside = register `{ $name }` is outside the report folder
register-outside-hint = put the export in the report folder and give its name, e.g. `incidenter.xlsx`
register-wrong-extension = register `{ $name }` is neither a `.csv` nor an `.xlsx` file
register-wrong-extension-hint = export the register as CSV (UTF-8) or as an Excel workbook
register-sheet-for-csv = `sheet:` names a worksheet, but `{ $name }` is a CSV file
register-sheet-for-csv-hint = leave `sheet:` out for a CSV file
register-cannot-read = cannot read `{ $name }`: { $error }
register-not-found = register `{ $name }` not found in the report folder
register-link-outside = register `{ $name }` is a link to `{ $target }`, outside the report folder
register-not-a-file = register `{ $name }` is not a regular file
register-too-large = register `{ $name }` is { $size } KiB, more than the { $limit } KiB a content file may be
register-utf16 = the file is UTF-16 text, not UTF-8; export it as "CSV UTF-8"
register-row-not-utf8 = row { $row } is not UTF-8 text; export the register as "CSV UTF-8"
register-csv-unreadable = cannot read the CSV file: { $error }
register-too-many-rows = more than { $limit } rows
register-csv-empty = the file is empty; expected a row of column headings
register-no-such-sheet = no worksheet named "{ $sheet }"; the workbook has { $sheets }
register-no-such-sheet-near = ; did you mean "{ $near }"?
register-no-sheet = the workbook has no worksheet
register-sheet-unreadable = cannot read the worksheet "{ $sheet }": { $error }
register-too-many-cells = the worksheet "{ $sheet }" has more than { $limit } cells with a value
register-sheet-empty = the worksheet is empty; expected a row of column headings
register-column-near = did you mean "{ $near }"? Name it under `columns:`
register-column-name-it = name the register's own heading under `columns:`
register-no-column = no column headed "{ $heading }"; the headings are { $headings }
register-no-date = no date
register-invalid-date = invalid date "{ $date }"
register-invalid-date-hint = write the date as YYYY-MM-DD, or use an Excel date
register-no-category = no category
register-category-near = did you mean "{ $near }"?
register-categories-are = the categories are { $categories }; list your own under `categories:`
register-unknown-category = unknown category "{ $category }"; { $hint }
register-no-description = no description
register-not-yes-no = "{ $value }" is neither yes nor no
register-not-yes-no-hint = write ja or nej (or x for yes, blank for no)

## model/workbook.rs
workbook-unreadable = cannot read the workbook (is it an Excel .xlsx file?): { $error }
workbook-part = part { $index }
workbook-too-large = the workbook unpacks to more than the { $limit } MiB a register may be
workbook-too-many-strings = the workbook's shared strings (`{ $part }`) { $what }; a register may have at most { $limit } strings
workbook-strings-stated = state { $key }="{ $stated }"
workbook-strings-held = hold more than { $limit } strings
workbook-reaches-cell = the worksheet "{ $sheet }" reaches cell { $cell }; { $limits }
workbook-spans = the worksheet "{ $sheet }" states that it spans { $start }:{ $end }; { $limits }
workbook-limits = a register may have at most { $columns } columns (A to { $last }) and { $rows } rows

## model/brand/resolve.rs
brand-white = white
brand-the-background = the background { $colour }
brand-low-contrast = `color.{ $key }` { $colour } has a contrast of { $ratio }:1 against { $ground }; text needs at least { $minimum }:1
brand-low-contrast-hint = ledgen writes headings, links and white title text in `color.{ $key }`; choose a darker shade (WCAG 2.1 AA)
brand-palette-not-hex = `color.palette.{ $name }` `{ $value }` is not a hex colour such as `#1d4f91`
brand-colour-not-hex = `color.{ $key }` `{ $value }` is not a hex colour such as `#1d4f91`
brand-colour-unknown = `color.{ $key }` `{ $value }` is neither a hex colour nor a name in `palette`
brand-did-you-mean = did you mean `{ $name }`?
brand-colour-hint = write the colour as `#rrggbb`; ledgen measures its contrast, so CSS colour names and functions are not accepted
brand-logo-no-alt = the logo has no alternative text
brand-logo-no-alt-hint = write `logo: {"{"}path: { $path }, alt: "…"{"}"}`, with `alt` saying what the logo shows, e.g. "Exempelkommuns logotyp"
brand-alt-without-path = `logo.alt` without `logo.path`
brand-logo-no-path = the `{ $size }` logo has no `path`
brand-sized-logo-no-alt = the `{ $size }` logo has no alternative text
brand-sized-logo-no-alt-hint = write `{ $size }: {"{"}path: { $path }, alt: "…"{"}"}`, with `alt` saying what the logo shows, e.g. "Exempelkommuns logotyp"; the web page needs it
brand-logo-format = the logo `{ $path }` is not a PNG, JPEG or SVG file
brand-logo-format-hint = save the logo as .svg (best), .png or .jpg
brand-logo-invalid = the logo `{ $path }` is not a valid { $format } file
brand-logo-too-large = the logo `{ $path }` is { $size } megapixels, more than the { $limit } a logo may be
brand-logo-too-large-hint = save the logo at the size it is shown, or as .svg
brand-folder-unreadable = cannot read the folder of `{ $path }`
brand-asset-outside = `{ $path }` is outside the folder of the brand file
brand-asset-outside-hint = keep the logo and font files in the brand file's folder
brand-not-a-file = `{ $path }` is not a regular file
brand-asset-too-large = `{ $path }` is larger than the { $limit } MiB a logo or font file may be
brand-cannot-read = cannot read `{ $path }`: { $error }
brand-family-name = font family `{ $family }` may hold only letters, digits, spaces and `-`
brand-font-no-files = the font `{ $family }` has `source: file` but no `files`
brand-font-style = font style `{ $style }` is neither `normal` nor `italic`
brand-family-unknown = `typography.{ $key }` uses the font `{ $family }`, but no `fonts` entry gives its files
brand-family-not-embedded = `source: { $source }` fonts are not embedded; download the font files (.ttf or .otf), put them beside the brand file and list them with `source: file`
brand-family-add = add `- {"{"}family: { $family }, source: file, files: [{"{"}path: fonts/….ttf, weight: 400{"}"}]{"}"}` under `typography.fonts`
brand-font-format = the font `{ $path }` is not a .ttf or .otf file
brand-font-format-hint = the PDF embeds TrueType (.ttf) or OpenType (.otf) fonts; web fonts (.woff, .woff2) cannot be embedded
brand-font-invalid = `{ $path }` is not a valid font file

## ledgen build (src/commands/build.rs)

build-building = Building { $year } from `{ $folder }`
build-wrote = Wrote { $path } ({ $size })
build-wrote-pages = Wrote { $path } ({ $size }, { $count } pages)
build-finished = Finished in { $seconds } s
build-brand = Brand: `{ $path }`
build-brand-none = Brand: none (no `_brand.yml` in the report folder, the content folder or the folder above it)
build-public-nothing-left-out = Public edition: no item is marked `intern`; no item is left out
build-public-leaves-out = { $count ->
    [one] Public edition leaves out { $count } item:
   *[other] Public edition leaves out { $count } items:
}
build-public-emptied-part = every item of the { $kind } "{ $title }" is confidential: the public edition leaves it out, heading and all, and says in one sentence that it is withheld
build-public-emptied-section = every item of the { $kind } "{ $title }" is confidential: the public edition keeps its heading and says in one sentence that it is withheld
build-public-emptied-block = every item of the { $kind } under "{ $title }" is confidential: the public edition says in its place in one sentence that it is withheld
build-public-block-left-out = a { $kind } is internal and left out of the public edition ({ $label })
build-public-masks = { $count ->
    [one] Public edition masks { $count } phrase:
   *[other] Public edition masks { $count } phrases:
}
build-public-masked-phrase = phrase "{ $phrase }" { $provision }

## What the public edition leaves out, as `build --public` names it (src/model/mod.rs, src/view/withheld.rs)
left-out-text-block = text block
left-out-table = whole status table
left-out-recommendations-block = whole recommendations block
left-out-appendices-block = whole appendices block
left-out-incidents-block = whole incidents block
left-out-gap-analysis-block = whole GAP analysis
left-out-status-row = status row
left-out-recommendation = recommendation
left-out-incident = incident
left-out-section = section
emptied-part = subsection
emptied-section = section
emptied-table = status table
emptied-recommendations = list of recommendations

## Content blocks and output formats (src/model/mod.rs, src/formats/mod.rs)
yaml-block-holds-one-kind = a content block holds exactly one of `text`, `table`, `recommendations`, `appendices`, `incidents` or `gap_analysis`; this one holds { $count }
format-unknown-report-format = unknown output format `{ $name }`; the formats are { $known }, and `all`

## ledgen check (src/commands/check.rs)

check-ok = { $path }: ok ({ $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $rows ->
    [one] { $rows } status row
   *[other] { $rows } status rows
}, { $recommendations ->
    [one] { $recommendations } recommendation
   *[other] { $recommendations } recommendations
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
check-coverage-heading = ISO/IEC 27001:2022 9.3.2 inputs to the review:
check-coverage-covered = covered
check-coverage-empty = empty
check-coverage-missing = missing
check-coverage-in = in: { $sections }
check-coverage-claimed-only = { $count ->
    [one] claimed by { $sections } (its kind or `covers:`), but nothing is written there yet, only placeholder texts or empty tables: write what the review found
   *[other] claimed by { $sections } (their kinds or `covers:`), but nothing is written there yet, only placeholder texts or empty tables: write what the review found
}
check-coverage-none = no section addresses it (list `{ $letter }` under a section's `covers:`)

## ledgen new (src/commands/new.rs)

new-year-exists = `{ $path }` already exists; ledgen new never overwrites a year
new-created = Created `{ $path }` from { $from }: { $files } files, { $rows ->
    [one] { $rows } status row
   *[other] { $rows } status rows
}, { $followed }
new-to-follow-up = { $count ->
    [one] { $count } recommendation to follow up
   *[other] { $count } recommendations to follow up
}
new-tabled = { $count ->
    [one] , { $count } tabled one back among the recommendations to decide again
   *[other] , { $count } tabled ones back among the recommendations to decide again
}
new-rejected = { $count ->
    [one] , { $count } rejected one recorded as such
   *[other] , { $count } rejected ones recorded as such
}
new-review-marks = { $count ->
    [one] { $count } text carried over from { $from } is marked "Att granska" for review
   *[other] { $count } texts carried over from { $from } are marked "Att granska" for review
}
new-next = The new year is a draft (`draft: true` in report.yaml) until the management adopts it.
    Next: edit the files, then `ledgen check { $year }{ $content }` and `ledgen build { $year }{ $content }`
new-from-not-earlier = cannot scaffold { $year } from { $from }: `--from` must be an earlier year (ledgen new carries a year forward only)
new-from-missing = no report for { $from } under `{ $folder }` to start from
new-no-earlier-review = there is no earlier review under `{ $folder }` to start { $year } from
new-no-earlier-review-hint = for your first review, run `ledgen init FOLDER --organisation NAME`: it makes a year to fill in; if your reviews are in another folder, name it with `--content FOLDER`
new-no-year-before = no year before { $year } under `{ $folder }` to start from: ledgen new carries an earlier year forward (the earliest there is { $earliest })
cmd-failed-create-folder-in = failed to create a folder in `{ $path }`
cmd-failed-write = failed to write `{ $path }`
new-scaffold-fails-check = the scaffold does not pass `ledgen check`; `{ $path }` was not created
cmd-failed-create = failed to create `{ $path }`
cmd-failed-read = failed to read `{ $path }`
cmd-failed-copy = failed to copy `{ $path }`
new-not-copied = `{ $path }` is not a file or a folder (a named pipe or a device?); it is not copied

## ledgen init (src/commands/init.rs)

init-organisation-empty = `--organisation` is empty: give the organisation's name, e.g. --organisation "Exempelkommun"
init-year-out-of-range = the year must be from 1900 to 9999, not { $year }
init-folder-not-empty = `{ $path }` already exists and is not empty; ledgen init only writes into a new or empty folder
init-folder-not-empty-hint = pick another folder name, e.g. `ledgen init ledningens-genomgang --organisation "{ $organisation }"`
init-created = Created a first review for { $year } in `{ $path }`:
init-created-year = the review: report.yaml and one file per section
init-created-schema = lets your editor check the files as you type
init-created-brand = your organisation's name, logo, colours and fonts
init-next-steps = Next steps:
init-step-editor = 1. Open the folder `{ $path }` in an editor that understands YAML, e.g. Visual Studio Code with the "YAML" extension by Red Hat. It marks mistakes as you type.
init-step-fill-in = 2. Replace every text that starts with "Att fylla i:" with your own. `ledgen check{ $content }` lists those left, with file and line.
init-step-build = 3. `ledgen build{ $content }` makes the PDF and the web page, in `output/{ $year }/`.
init-step-public = 4. `ledgen build{ $content } --public` makes the edition without what is marked `intern: true`, for publishing.
init-next-year = Next year, `ledgen new { $year }{ $content }` starts the new review from this one.

## ledgen history (src/commands/history.rs)

history-cmd-heading = { $id } in `{ $folder }`
history-cmd-does-not-load = (the report does not load; run `ledgen check { $year }`)
history-cmd-withheld = { $count ->
    [one] ({ $count } confidential entry left out)
   *[other] ({ $count } confidential entries left out)
}

## ledgen diff (src/commands/diff.rs)

diff-not-older = the first report ({ $old }) is not older than the second ({ $new })
diff-regressed = { $count } row(s) regressed since { $year }
diff-wrote = Wrote { $path }
cmd-failed-stdout = failed to write to standard output
diff-no-report-yaml = the folder `{ $path }` has no `report.yaml`
diff-no-year = no report for { $year } under `{ $folder }`
diff-no-year-but = no report for { $year } under `{ $folder }`: the years there are { $years }
diff-neither = `{ $arg }` is neither a year under `{ $folder }` nor a report folder with a `report.yaml`

## ledgen export actions (src/commands/export.rs)

export-wrote = Wrote { $path }: { $what }
export-xlsx-to-terminal = an XLSX file cannot go to the terminal; give `--out FILE.xlsx`
export-no-deadlines = no item of the { $year } action plan has a deadline, so the calendar holds no events
export-items = { $recommendations ->
    [one] { $recommendations } recommendation
   *[other] { $recommendations } recommendations
}, { $status ->
    [one] { $status } open status row
   *[other] { $status } open status rows
}
export-calendar = { $count ->
    [one] { $count } calendar event
   *[other] { $count } calendar events
} of the { $year } action plan ({ $items })
export-undated = { $count ->
    [one] ; { $count } item without a deadline is not in it
   *[other] ; { $count } items without a deadline are not in it
}
export-table = the { $year } action plan ({ $items })

## ledgen build --all (src/commands/all.rs)

all-building-public = Building the public edition of { $reports } reports from { $folders } content folder(s) on { $threads } threads
all-building-internal = Building the internal edition of { $reports } reports from { $folders } content folder(s) on { $threads } threads
all-drafts-left-out = { $count ->
    [one] ; left out { $count } draft (build it with --drafts)
   *[other] ; left out { $count } drafts (build them with --drafts)
}
all-built = Built { $built } of { $total } reports in { $seconds } s{ $skipped }; index: { $index }
all-report-failed = { $name } failed:
all-failed = { $failed } of { $total } reports failed
all-removed-internal = Removed { $count } file(s) of the internal edition from `{ $folder }`, so that it holds only the public edition:
all-removed-public = Removed { $count } file(s) of the public edition from `{ $folder }`, so that it holds only the internal edition:
all-state-built = built
all-state-failed = FAILED
all-progress-brand = (brand: `{ $path }`)
all-progress-brand-none = (brand: none)

## Shared by the commands (src/commands/mod.rs and others)

cmd-several-content-folders = several `--content` folders can only be built together, with `build --all`
cmd-not-a-year-folder = `{ $path }` is not read: a year folder is named by exactly four digits, e.g. `2023`

## ledgen schema (src/commands/schema.rs)

schema-cmd-wrote = Wrote { $path }
schema-cmd-point-content = Point content files at them with a first line such as
schema-cmd-point-brand = and a `_brand.yml` beside the year folders with

## Reading YAML, dates and years (src/model/yaml.rs, mod.rs, glyphs.rs, years.rs)

yaml-alias-anchored-on-line = `*` repeats the value anchored with `&` on line { $line }
yaml-too-deep = lists and mappings are nested more than { $depth } levels deep
yaml-too-deep-hint = a review nests a handful of levels; check the brackets and the indentation
yaml-too-many-values = the file holds more than { $limit } YAML values (keys, texts, lists; an alias `*name` counts each time it is used)
yaml-too-many-values-alias-hint = an alias repeats the whole anchored value, and aliases of aliases multiply; write the repeated content out
yaml-too-many-values-hint = that is about 5000 table rows; split the content into several parts or section files
yaml-too-many-aliases = the file uses more than { $limit } anchors (`&name`) or aliases (`*name`)
yaml-too-many-aliases-hint = write repeated text out instead of using aliases
yaml-alias-text-too-large = the file's text is more than { $size } MiB once its aliases (`*name`) are expanded
yaml-alias-text-too-large-hint = every alias repeats the whole anchored value; write long texts once
yaml-too-complex = the file is larger or more complex than a content file may be ({ $detail })
yaml-too-complex-hint = a content file holds one section of one review
yaml-duplicate-key = duplicate key `{ $key }` in the same mapping
yaml-duplicate-key-unnamed = duplicate key in the same mapping
yaml-duplicate-key-hint = a key may appear once in a mapping; remove one of them, or, if they belong to two entries of a list, start the second entry with `- `
yaml-expected-list = expected a list here
yaml-expected-list-hint = write each item on its own line starting with `- `, or write `[a, b]`
yaml-expected-mapping = expected `key: value` entries here
yaml-expected-mapping-hint = a content file, a block, a row and a recommendation are each a set of `key: value` lines
yaml-expected-text = expected a single text here, not a list or mapping
yaml-expected-text-hint = text that starts with `[` or `{"{"}` must be quoted: '[...]'
yaml-expected-other = expected { $what } here
yaml-expected-other-hint = see docs/content-format.md for what each key holds
yaml-unsupported-tag = unsupported YAML tag `{ $tag }`
yaml-tag-hint = content files use no YAML tags (`!name`); they cannot include other files
yaml-did-you-mean = did you mean `{ $name }`?
yaml-unknown-value = unknown value `{ $value }`, expected one of { $expected }
yaml-ends-mid-value = the file ends in the middle of a value
yaml-control-char = the file contains the control character U+{ $code }, which YAML does not allow
yaml-control-char-hint = remove it; it is invisible in most editors
yaml-bracket-still-open = the `{ $bracket }` on line { $line }, column { $column } is still open here; is a `{ $close }` missing?
yaml-colon-in-value = this text holds `: `, which YAML reads as the start of a new key
yaml-unclosed-quote = the text that starts with `{ $quote }` here is not closed on its line
yaml-unclosed-quote-hint = end it with a `{ $quote }`: `{ $fixed }`; without one, YAML reads on to the next `{ $quote }`, on line { $line }
yaml-block-line-less-indented = line { $line } is indented { $ours }, less than the first line of the text it belongs to ({ $theirs })
yaml-block-line-hint = indent it by { $spaces }; every line of a text written after `|` starts in the column of its first line
yaml-bang-needs-quotes = a text that starts with `!` must be in quotes: YAML reads `!` as the start of a tag
yaml-bang-needs-quotes-hint = write it as { $quoted }
yaml-continued-value = line { $line } is indented { $ours }, more than the line above it, so YAML read it as part of that line's value
yaml-continued-value-hint = indent it by { $spaces }, like the line above it; in YAML, how far a line is indented says what it belongs to
yaml-misindented-key-hint = `{ $field }` is on line { $line }, indented { $ours } spaces; the keys beside it use { $theirs }, so indent it by { $theirs } too
yaml-expected-bool = expected `true` or `false` here

date-invalid = invalid date `{ $text }`: { $why }
date-expected-format = expected YYYY-MM-DD, or YYYY-MM when the day is not known, e.g. 2023-08-25 or 2022-12
date-year-out-of-range = the year must be from 1900 to 9999
date-no-such-month = month { $month } does not exist; the month is written 01 to 12, e.g. { $year }-09-15
date-day-zero = day 00 does not exist; the day is written 01 to 31
date-no-such-day = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year } has { $days } days, so there is no day { $day }

years-reused-id = { $what ->
    [row] row
   *[other] recommendation
} `{ $id }` has the id of a { $year } { $what ->
    [row] row
   *[other] recommendation
} with a text that has nothing in common with this one ("{ $words }"); the comparison will report it as the same { $what ->
    [row] row
   *[other] recommendation
}
years-reused-id-hint = did you mean `follows: { $id }` under an id of its own, or a new id for a new { $what ->
    [row] row
   *[other] recommendation
}?
years-follows-unknown = { $what ->
    [row] row
   *[other] recommendation
} follows unknown recommendation `{ $id }`: no earlier year under `{ $path }` has it
glyphs-unshowable = the character { $shown } cannot be shown: no font of the report has it
glyphs-unshowable-hint = the report's fonts have Latin (with the Sámi and Finnish letters), Cyrillic, Greek, Arabic and Hebrew letters, common symbols and emoji; write the text without this character
## Rendering and writing the files (src/output.rs, render/*, sandbox.rs, pdf/*, formats/*, batch/*, scaffold/written.rs, brand/file.rs)

output-write-failed = failed to write `{ $path }`
output-create-failed = failed to create `{ $path }`
output-temp-failed = failed to create a temporary file in `{ $path }`
output-held-open =
    cannot replace `{ $path }`: another program has it open ({ $reason }); the file is unchanged
    hint: close { $what } and build again
output-held-open-the-pdf = the PDF in your viewer

render-parse-failed = failed to parse the templates
render-parse-failed-overrides = failed to parse the templates (overrides from `{ $path }`)
render-invalid-templates = invalid templates
render-invalid-templates-overrides = invalid templates (overrides from `{ $path }`)
render-cannot-read-folder = failed to read `{ $path }`
render-templates-link-outside = the templates folder `{ $path }` is a link to `{ $target }`, outside the report folder `{ $report }`
render-context-failed = failed to prepare the template context
render-failed = failed to render template `{ $name }`
render-not-utf8 = a template wrote text that is not UTF-8
render-typst-fr-expects-numbers = typst_fr expects a list of numbers
render-cut-needs-n = `cut` needs a whole number `n`

guard-function-unavailable = the function `{ $name }` is not available in ledgen templates
guard-range-not-whole-number = `range` needs a whole number for `{ $key }`, not { $value }
guard-range-needs-argument = `range` needs a `{ $key }` argument
guard-range-step-zero = `range` needs a `step_by` of at least 1
guard-range-too-long = `range` would give { $count } numbers; ledgen templates allow at most { $limit }
guard-macro-of = macro `{ $name }` of `{ $file }`
guard-recursion = { $body } calls itself ({ $path }); ledgen templates may not recurse, so that rendering always ends
guard-set-global = `{ $template }` sets `{ $key }` with `set_global`, which ledgen templates do not allow (a loop could grow the value without bound)
guard-output-too-large = the template's output passed { $size } MiB; ledgen templates may write at most that

budget-timed-out = rendering the templates took longer than { $seconds } s and was stopped (a template override may loop too long; allow more time with `--timeout SECONDS`)
budget-value-too-large = { $what } would build a value of more than { $size } MiB; ledgen templates may build at most that
budget-the-filter = the filter `{ $name }`
budget-the-function = the function `{ $name }`
budget-set-or-loop = a `set` or a loop's list
budget-too-many-concatenated = a concatenation (`~`) of { $count } values; ledgen templates may concatenate at most { $limit } at once

sandbox-cannot-read-template = failed to read template `{ $path }`
sandbox-cannot-read = failed to read `{ $path }`
sandbox-template-link-outside = template `{ $path }` is a link to `{ $target }`, outside the report's templates folder
sandbox-template-not-a-file = template `{ $path }` is not a regular file of at most { $limit } KiB
sandbox-template-not-utf8 = stream did not contain valid UTF-8

pdf-compiler-panicked = the compiler panicked: { $message }
pdf-compile-timed-out = the compilation took longer than { $seconds } s and was stopped
pdf-no-thread = cannot start a thread for the compiler: { $error }
pdf-panic-without-message = a panic without a message
pdf-invalid-standards = invalid PDF standard selection: { $error }
pdf-standards-not-met =
    { $diagnostics }
    note: the PDF standards { $standards } could not be met
pdf-worker-sent-no-result = the compile worker sent no result
pdf-worker-stopped = the compile worker stopped without a result
pdf-and = and
pdf-in-the-text-written-there =
    { $places }
    note: in the text written there; in the generated Typst source:
    { $rendered }
pdf-another-standard = another PDF standard

world-no-packages = packages are not available in ledgen reports
world-not-in-report-folder = `{ $path }` is not in the report folder `{ $folder }`; files outside the report folder cannot be read, and a path starting with `/` starts at the report folder
world-link-outside = `{ $path }` is a link to `{ $target }`, outside the report folder `{ $folder }`
world-not-a-file = `{ $path }` is not a regular file
world-too-large = `{ $path }` is larger than the { $limit } MiB a template may read
world-too-many-pixels = `{ $path }` is { $pixels } megapixels, which takes the report's images past the { $limit } megapixels a report may show; save the images at the size they are shown

format-typst-temp-failed = failed to create a temporary file for the Typst source: { $error }
format-write-failed = failed to write `{ $path }`: { $error }
format-json-failed = failed to write the comparison as JSON: { $error }
format-docx-failed = the Word edition could not be written: { $error }

batch-remove-failed = failed to remove `{ $path }`
batch-no-threads = cannot start the threads for `build --all`

scaffold-yaml-failed = failed to write `{ $name }` as YAML

brand-file-weight-out-of-range = font weight { $weight } is not from 100 to 900
brand-file-weight-not-a-number = font weight `{ $weight }` is not a number from 100 to 900, `normal` or `bold`

## ledgen serve, the double-click start, history and the action export (src/commands/serve*, launch.rs, history.rs, spreadsheet.rs, actions.rs)

serve-building = building…
serve-no-address = the server has no address
serve-serving = Serving { $year } on http://{ $address }/ (PDF: http://{ $address }/pdf, slides: http://{ $address }/slides); press Ctrl-C to stop
serve-serving-public = Serving { $year } (public edition) on http://{ $address }/ (PDF: http://{ $address }/pdf, slides: http://{ $address }/slides); press Ctrl-C to stop
serve-cannot-open-browser = cannot open a browser ({ $program }: { $error }); open { $url } in one
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-port-in-use-hint = another program may use port { $port }; try `--port { $next }`
serve-public-off-loopback = serving on { $host } makes the preview reachable from the network; it shows the public edition (add `--internal` for the internal one)
serve-internal-off-loopback = serving the internal edition on { $host }: anyone who can reach this address can read what is marked `intern`
serve-cannot-watch-content = cannot watch the content folder for changes
serve-cannot-watch = cannot watch `{ $path }`
serve-cannot-create = cannot create `{ $path }`
serve-rebuilt = Rebuilt { $year } in { $ms } ms
serve-last-good-still-served = (the last good build is still served)
serve-stopped-running = { $count ->
    [one] { $count } stopped compilation is still running in the background; it ends by itself
   *[other] { $count } stopped compilations are still running in the background; each ends by itself
}
# The banner over the page in the browser when a save does not build; the error follows it.
serve-banner = ledgen: the last edit does not build; the page shows the last good build.
serve-cannot-configure-socket = cannot configure the listening socket
serve-cannot-start-runtime = cannot start the HTTP server's runtime
serve-cannot-start-thread = cannot start the HTTP server's thread
serve-cannot-serve = cannot serve: { $error }
serve-cannot-accept = cannot accept a connection: { $error } (retrying)
# The answers to requests the preview does not serve, as plain text in the browser.
serve-http-forbidden = this preview answers only on its own address
serve-http-method-not-allowed = only GET and HEAD are served
serve-http-body = requests to the preview take no body
serve-slides-title = Slides
serve-http-no-pdf = no PDF has been built yet
serve-http-not-found = not found

# What a double-click on ledgen.exe outside a review folder shows, in a console window.
launch-explanation =
    ledgen turns the management review of information security into a PDF and a web page.

    ledgen is used in a command window (PowerShell or Command Prompt), not by double-clicking:
    open the folder where ledgen.exe is in File Explorer, type powershell in the address bar and
    press Enter. Then type, for example

    {"  "}.\ledgen.exe init ledningens-genomgang --organisation "Exempelkommun"
                                    creates a folder with a first year to fill in
    {"  "}.\ledgen.exe build --content ledningens-genomgang
                                    makes the PDF and the web page of the latest year
    {"  "}.\ledgen.exe --help           shows every command

    If you put ledgen.exe in the folder with the year folders (for example ledningens-genomgang)
    and double-click it there, the report is shown in the browser and updated every time you save.

    There is more in LÄS MIG.txt next to ledgen.exe.
launch-press-enter = Press Enter to close the window.

history-no-report = no report under `{ $folder }`
history-no-such-id = no row or recommendation with id `{ $id }` in any year under `{ $folder }`
history-did-you-mean = did you mean `{ $id }`?

export-csv-failed = failed to write the CSV
export-xlsx-failed = failed to write the workbook

## The report's own words (headings, labels, status words and the sentences ledgen writes) are
## in the files of the languages a report can be written in: today Swedish (locales/sv.ftl).

## ledgen import (src/commands/import.rs, src/import/)
import-encrypted-or-doc = the file is password-protected, or an old Word document (.doc): open it in Word, remove the password (File > Info > Protect Document) and save it as a Word document (.docx)
import-not-docx = the file is not a Word document (.docx)
import-corrupt = the Word document is damaged and cannot be read ({ $error })
import-too-large = the Word document's part `{ $part }` unpacks to more than { $limit } MiB: it is not read
import-no-headings = the document has no headings: give its section headings Word's heading styles (Heading 1, Heading 2) and import it again
import-no-year = the document names no year in its title or date: give it with `--year`
import-place-title-page = title page
import-no-date = no date found: `date:` in report.yaml is set to the year's last day
import-no-organisation = no organisation's name found: `organisation:` in report.yaml says "Att granska:"
import-place-section = section "{ $title }"
import-generated-section = ledgen writes this section itself; it was not imported
import-decisions-read = the meeting, who attended and the decisions were read into report.yaml and the recommendations; ledgen writes this section itself
import-image-format = the image `{ $name }` is in a format a report cannot show (PNG, JPEG, GIF or SVG): it was not imported
import-image-too-large = the image `{ $name }` is larger than 5 MiB: it was not imported
import-image-no-alt = the image `{ $name }` has no alternative text in Word: write what it shows where it says "Att granska:"
import-table-unclassified = a table with the columns { $columns } has no status column: it is a Markdown table in the text
import-column = Column { $number }
import-place-row = { $section }, row "{ $row }"
import-status-disagrees = the status word says { $word } but the cell's colour { $fill }: the word was taken
import-no-status = no status found (no status word, symbol or colour): set to `ej bedömd`, marked "Att granska:"
import-unknown-priority = recommendation `{ $id }`: the priority "{ $priority }" is none of hög, medel, låg; it was left out
import-recommendation-without-text = a heading "Rekommendation" without text: left out
import-file-too-large = `{ $path }` is larger than { $limit } MiB: it is not read
import-failed = cannot import `{ $path }`: { $reason }
import-year-exists = `{ $path }` already exists; ledgen import never overwrites a year
import-year-exists-hint = give another year with `--year`, another content folder with `--content`, or move the year folder away first
import-fails-check = the imported year does not pass `ledgen check`; `{ $path }` was not created
import-done = Imported `{ $file }` into `{ $path }`: { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $rows ->
    [one] { $rows } status row
   *[other] { $rows } status rows
}, { $recommendations ->
    [one] { $recommendations } recommendation
   *[other] { $recommendations } recommendations
}, { $images ->
    [one] { $images } image
   *[other] { $images } images
}.
import-to-check = { $count ->
    [one] { $count } thing to check:
   *[other] { $count } things to check:
}
import-next = Next: `ledgen check { $year }{ $content }` lists what still says "Att granska:", and `ledgen build { $year }{ $content }` makes the PDF and the web page.
