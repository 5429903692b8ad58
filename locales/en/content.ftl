## content
status-unknown-status = unknown status `{ $word }`: expected one of `grön`, `gul`, `röd`, `ej bedömd` (or `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = unknown priority `{ $word }`: expected one of `låg`, `medel`, `hög` (or `low`, `medium`, `high`)
status-unknown-decision = unknown decision `{ $word }`: expected one of `antagen`, `avslagen`, `ändrad`, `bordlagd` (or `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; did you mean `{ $hint }`?
yesno-expected = expected `true` or `false` (or `ja` or `nej`), found `{ $value }`
