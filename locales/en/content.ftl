## content
status-unknown-status = unknown status `{ $word }`: expected one of `grön`, `gul`, `röd`, `ej bedömd` (or `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = unknown priority `{ $word }`: expected one of `låg`, `medel`, `hög` (or `low`, `medium`, `high`)
status-unknown-decision = unknown decision `{ $word }`: expected one of `antagen`, `avslagen`, `ändrad`, `bordlagd` (or `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; did you mean `{ $hint }`?
yesno-expected = expected `true` or `false` (or `ja` or `nej`), found `{ $value }`
config-no-content-folder = cannot read the content folder `{ $path }`: it does not exist
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

lint-no-status-text = row `{ $id }` has no status text
lint-no-status-text-hint = say in `status_text` why the status is what it is
lint-input-not-covered = no section addresses ISO/IEC 27001:2022 9.3.2 { $letter }) { $input }
lint-input-not-covered-hint = add a section on it, or list the input under a section's `covers:`
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
