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

yaml-empty-file = filen är tom
yaml-empty-file-hint = en innehållsfil är en YAML-mappning (nycklar med värden); se docs/content-format.md
yaml-cannot-read = filen kan inte läsas: { $error }
yaml-link-outside = filen är en länk till `{ $path }`, utanför rapportmappen
yaml-link-outside-hint = innehållsfiler läses bara från rapportmappen; kopiera in filen dit
yaml-not-a-file = inte en vanlig fil
yaml-too-large = filen är { $size } MiB, mer än de { $limit } MiB en innehållsfil får vara
yaml-too-large-hint = en hel genomgång är långt under 1 MiB; är det rätt fil?
yaml-utf16 = filen är UTF-16-text, inte UTF-8
yaml-save-as-utf8 = spara filen som UTF-8 (i de flesta program: "Spara med kodning")
yaml-invalid-utf8 = filen är inte giltig UTF-8-text: byten { $byte } hör inte hemma här
yaml-invalid-utf8-hint = spara filen som UTF-8 (i de flesta program: "Spara med kodning"); en del av den verkar vara skriven med en annan teckenkodning, till exempel Windows-1252

load-internal-error = internt fel när rapporten lästes: { $error }; rapportera gärna felet
load-no-report-yaml = ingen `report.yaml` i `{ $path }`
load-no-report-folder = rapportmappen `{ $path }` finns inte
load-report-folder-hint = en rapportmapp innehåller `report.yaml` och en YAML-fil per avsnitt
load-invalid-section-name = ogiltigt avsnittsnamn `{ $name }`
load-section-name-hint = ett avsnittsnamn är ett filnamn (utan `.yaml`) av bokstäver, siffror och `-`
load-section-listed-twice = avsnittet `{ $name }` står två gånger i listan
load-first-listed = första gången på rad { $line }
load-section-file-not-found = avsnittsfilen `{ $path }` finns inte
load-did-you-mean = menade du `{ $name }`?

lint-no-status-text = raden `{ $id }` har ingen statustext
lint-no-status-text-hint = skriv i `status_text` varför statusen är som den är
lint-input-not-covered = inget avsnitt tar upp ISO/IEC 27001:2022 9.3.2 { $letter }) { $input }
lint-input-not-covered-hint = skriv ett avsnitt om det, eller lägg till punkten under ett avsnitts `covers:`
load-invalid-id = ogiltigt id `{ $id }`
load-invalid-id-hint = ett id skrivs med a–z, 0–9 och `-`, till exempel `{ $example }`
load-first-used-at = användes först på { $place }
load-duplicate-id = id:t `{ $id }` finns redan
load-duplicate-id-hint = varje rad och rekommendation behöver ett eget id
load-link-not-allowed = länken till `{ $url }` är inte tillåten
load-link-not-allowed-hint = länkar måste vara http://-, https://- eller mailto:-adresser
load-image-no-description = bilden `{ $url }` saknar beskrivning
load-image-no-description-hint = beskriv den för läsare som inte kan se den: `![Karta över ...]({ $url })`

yaml-missing-field = fältet `{ $field }` saknas
yaml-missing-field-hint = lägg till { $field } i den här posten, eller kontrollera att det är indraget som nycklarna bredvid
yaml-unknown-field = okänt fält `{ $field }`; här kan stå { $expected }

yaml-two-documents = filen innehåller mer än ett YAML-dokument
yaml-two-documents-hint = en rad `---` inleder ett nytt YAML-dokument; en innehållsfil är ett enda dokument, så ta bort raden `---`
yaml-empty-value = värdet är tomt
yaml-empty-value-hint = skriv texten efter kolonet, eller ta bort nyckeln om den inte behövs
yaml-colon-in-text = texten innehåller `: `, som YAML läser som en nyckel och dess värde
yaml-colon-in-text-hint = sätt texten inom citattecken: `{ $fix }`
yaml-tab = rad { $line } är indragen med tabb, och YAML tillåter bara mellanslag
yaml-tab-hint = YAML dras in med mellanslag; byt tabben mot lika många mellanslag som raderna bredvid har
yaml-spaces = { $count ->
    [one] { $count } mellanslag
   *[other] { $count } mellanslag
}
yaml-start-at-line-start = börja raden längst till vänster
yaml-indent-by = dra in den { $spaces }
yaml-indented-others-not = rad { $line } är indragen { $ours }, men raderna runt den är inte indragna
yaml-indented-unlike-others = rad { $line } är indragen { $ours }, men raderna runt den är indragna { $theirs }
yaml-same-level-hint = { $fix }; i YAML ska rader på samma nivå börja i samma kolumn, och hur långt en rad är indragen avgör vad den hör till
yaml-expected-whole-number = här ska stå ett heltal, till exempel `2023`
