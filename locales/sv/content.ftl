## content
status-unknown-status = okänd status `{ $word }`: här ska stå `grön`, `gul`, `röd` eller `ej bedömd` (eller `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = okänd prioritet `{ $word }`: här ska stå `låg`, `medel` eller `hög` (eller `low`, `medium`, `high`)
status-unknown-decision = okänt beslut `{ $word }`: här ska stå `antagen`, `avslagen`, `ändrad` eller `bordlagd` (eller `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; menade du `{ $hint }`?
yesno-expected = här ska stå `true` eller `false` (eller `ja` eller `nej`), men det står `{ $value }`
