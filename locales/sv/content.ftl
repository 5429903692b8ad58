## content
status-unknown-status = okänd status `{ $word }`: här ska stå `grön`, `gul`, `röd` eller `ej bedömd` (eller `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = okänd prioritet `{ $word }`: här ska stå `låg`, `medel` eller `hög` (eller `low`, `medium`, `high`)
status-unknown-decision = okänt beslut `{ $word }`: här ska stå `antagen`, `avslagen`, `ändrad` eller `bordlagd` (eller `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; menade du `{ $hint }`?
yesno-expected = här ska stå `true` eller `false` (eller `ja` eller `nej`), men det står `{ $value }`
config-no-content-folder = kan inte läsa innehållsmappen `{ $path }`: den finns inte
config-rename-report-yml = byt namn på `report.yml` till `report.yaml`
config-year-folder-needs-report-yaml = varje årsmapp behöver en `report.yaml` med genomgångens organisation, år, datum och avsnitt (se docs/content-format.md)
config-folder-without-report-yaml =
    mappen `{ $path }` har ingen `report.yaml`
    tips: { $hint }
config-no-report-for-year = det finns ingen rapport för { $year } under `{ $path }`: { $available }
config-no-year-folders = det finns ingen rapport under `{ $path }`: här ska finnas mappar som heter som året, t.ex. `{ $path }/2023/report.yaml`
config-no-years-available = där finns inga årsmappar med en `report.yaml`
config-years-available = åren som finns där är { $years }
years-no-year-folders = det finns ingen rapport under `{ $path }`: här ska finnas mappar som heter som året
years-earlier-report-does-not-load = rapporten för { $year } går inte att läsa in, så länkar till den kontrolleras inte
years-run-check-to-see-why = kör `ledgen check { $year }` för att se varför
years-did-you-mean-recommendation = menade du `{ $id }` ({ $year })?
years-no-earlier-year = det finns inget år före { $year } under `{ $path }`
