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
