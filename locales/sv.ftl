# ledgens meddelanden på svenska. Varje meddelande har en nyckel som är densamma på alla språk
# (locales/en.ftl har engelskan); en variabel som { $path } fylls i av programmet.
# Syntax: https://projectfluent.org/fluent/guide/

## Hur ett fel- eller varningsmeddelande ställs upp

severity-error = fel
severity-warning = varning
note-hint = tips
note-note = obs
content-errors = innehållet har { $count } fel
error-caused-by = orsak

## Startad med dubbelklick (src/main.rs)

main-previewing = Visar ledningens genomgång i `{ $folder }` i webbläsaren; sidan uppdateras när du sparar.
    Stäng fönstret för att sluta.

## Hjälptexten (--help): clap:s egna ord. Kommandonas och flaggornas texter har nycklarna
## cli-<kommando> och cli-<kommando>--<flagga>; på engelska är de kommentarerna i src/cli.rs.

cli-usage = Användning:
cli-usage-options = FLAGGOR
cli-error-unknown-command = okänt kommando '{ $command }'
cli-error-unknown-argument = okänd flagga '{ $argument }'
cli-error-invalid-value = '{ $value }' går inte att ge till '{ $argument }'; möjliga värden: '{ $known }'
cli-error-value-validation = '{ $value }' går inte att ge till '{ $argument }'
cli-error-missing-argument = det här måste anges: { $argument }
cli-error-conflict = '{ $argument }' kan inte användas tillsammans med '{ $other }'
cli-error-unexpected-value = '{ $argument }' tar inte värdet '{ $value }'
cli-error-did-you-mean = menade du '{ $suggestion }'?
cli-error-more = Mer hjälp: `ledgen --help`, eller `--help` efter ett kommando.
cli-usage-command = KOMMANDO
cli-value-DIR = MAPP
cli-value-OLD = TIDIGARE
cli-value-NEW = SENARE
cli-value-FILE = FIL
cli-value-FORMATS = FORMAT
cli-value-FORMAT = FORMAT
cli-value-LANG = SPRÅK
cli-value-N = N
cli-value-NAME = NAMN
cli-value-SECONDS = SEKUNDER
cli-value-YEAR = ÅR
cli-heading-commands = Kommandon
cli-heading-options = Flaggor
cli-heading-arguments = Argument
cli-heading-possible-values = Möjliga värden
cli-help = Visa hjälpen
cli-version = Visa versionen
cli-default = standard
cli-possible-values = möjliga värden

cli-ledgen = Gör ledningens årliga genomgång av informationssäkerheten till en arkivbeständig PDF och en tillgänglig webbsida, från YAML och Markdown.
cli-ledgen--lang = Språket i ledgens meddelanden (standard: systemets; engelska om det inte är svenska).
cli-ledgen-build = Bygg ett års rapport som PDF och webbsida.
cli-ledgen-build--year = Året (standard: det senaste året i innehållsmappen).
cli-ledgen-build--content = Innehållsmappen, med en mapp per år (med `build --all`: en per rapport).
cli-ledgen-build--out = Mappen för resultatet; filerna hamnar i `<MAPP>/<år>/`.
cli-ledgen-build--format = Vilka filer som ska skrivas, åtskilda med kommatecken.
cli-ledgen-build--format-html = den tillgängliga webbsidan, för intranätet
cli-ledgen-build--format-pdf = den arkivbeständiga, tillgängliga PDF:en (PDF/A-2a, PDF/UA-1), för nämnden och arkivet
cli-ledgen-build--format-docx = Word-utgåvan, för den som arbetar i Word
cli-ledgen-build--format-slides = presentationen för ledningens genomgång (PDF, 16:9)
cli-ledgen-build--format-typst = den genererade Typst-källan till PDF:en
cli-ledgen-build--format-all = alla format utom Typst-källan
cli-ledgen-build--typst = Skriv också Typst-källan bredvid PDF:en (som `--format` med `typst`).
cli-ledgen-build--public = Bygg den offentliga utgåvan: utelämna allt som är markerat `intern` (filnamnen slutar på `-publik`). `--all` bygger den offentliga utgåvan om inte `--internal` anges.
cli-ledgen-build--internal = Med --all: bygg den interna utgåvan, med sekretessbelagda uppgifter, i stället för den offentliga.
cli-ledgen-build--all = Bygg varje år i varje innehållsmapp, parallellt, med en översiktssida.
cli-ledgen-build--jobs = Med --all: hur många rapporter som byggs samtidigt (standard: en per processorkärna).
cli-ledgen-build--drafts = Med --all: bygg också rapporter markerade `draft: true` (utelämnas annars).
cli-ledgen-build--timeout = Avbryt en PDF-kompilering som tar längre tid än så här (en egen mall kan hamna i en oändlig slinga).
cli-ledgen-build--brand = Använd den här profilfilen i stället för `_brand.yml` bredvid innehållet.
cli-ledgen-check = Läs in och kontrollera ett års innehåll utan att skriva något.
cli-ledgen-check--year = Året (standard: det senaste året i innehållsmappen).
cli-ledgen-check--content = Innehållsmappen, med en mapp per år.
cli-ledgen-check--public = Lista också vad den offentliga utgåvan utelämnar, med fil och rad för varje uppgift.
cli-ledgen-check--brand = Använd den här profilfilen i stället för `_brand.yml` bredvid innehållet.
cli-ledgen-diff = Jämför två års rapporter: ändrad status, nya och borttagna rader, uppföljningar.
cli-ledgen-diff--old = Den tidigare rapporten: ett år i `--content`, eller en rapportmapp.
cli-ledgen-diff--new = Den senare rapporten: ett år i `--content`, eller en rapportmapp.
cli-ledgen-diff--content = Innehållsmappen där åren finns.
cli-ledgen-diff--format = Format.
cli-ledgen-diff--format-text = läsbar text, i färg i en terminal
cli-ledgen-diff--format-markdown = Markdown, för en wiki eller ett e-brev
cli-ledgen-diff--format-html = en fristående webbsida
cli-ledgen-diff--format-json = JSON (se docs/diff-json.md)
cli-ledgen-diff--out = Skriv till den här filen i stället för till terminalen.
cli-ledgen-diff--fail_on_regression = Avsluta med status 1 om någon rads status har försämrats (eller bedömts som gul eller röd första gången).
cli-ledgen-diff--public = Den offentliga utgåvan: rader och rekommendationer markerade `intern` räknas men visas inte.
cli-ledgen-history = Visa en rads eller en rekommendations status år för år.
cli-ledgen-history--id = Id för en statusrad eller en rekommendation.
cli-ledgen-history--content = Innehållsmappen, med en mapp per år.
cli-ledgen-history--public = Utelämna rader och rekommendationer markerade `intern`.
cli-ledgen-init = Börja en första genomgång, för en organisation utan tidigare år: en mapp att fylla i.
cli-ledgen-init--dir = Mappen som skapas, till exempel `ledningens-genomgang`; den ska vara ny eller tom.
cli-ledgen-init--organisation = Organisationens namn, till exempel "Exempelkommun".
cli-ledgen-init--unit = Förvaltningen eller bolaget inom organisationen, till exempel "Kulturförvaltningen".
cli-ledgen-init--year = Året som granskas (standard: i år).
cli-ledgen-new = Börja ett nytt år utifrån det föregående.
cli-ledgen-new--year = Året som skapas.
cli-ledgen-new--from = Året att utgå från (standard: det senaste året före ÅR).
cli-ledgen-new--content = Innehållsmappen, med en mapp per år.
cli-ledgen-serve = Bygg om vid varje sparning och visa rapporten i webbläsaren, som uppdateras av sig själv.
cli-ledgen-serve--year = Året (standard: det senaste året i innehållsmappen).
cli-ledgen-serve--content = Innehållsmappen, med en mapp per år.
cli-ledgen-serve--out = Mappen för resultatet; varje lyckad byggning skrivs också till `<MAPP>/<år>/`.
cli-ledgen-serve--port = Porten att lyssna på (0 väljer en ledig).
cli-ledgen-serve--host = Adressen att lyssna på; på andra adresser än den lokala (loopback) visas den offentliga utgåvan, om inte `--internal` också anges.
cli-ledgen-serve--public = Förhandsgranska den offentliga utgåvan.
cli-ledgen-serve--internal = Visa den interna utgåvan även på en annan adress än den lokala (då kan nätverket läsa allt som är markerat `intern`).
cli-ledgen-serve--open = Öppna förhandsvisningen i webbläsaren när den första byggningen är klar.
cli-ledgen-serve--timeout = Avbryt en PDF-kompilering som tar längre tid än så här; den senaste lyckade byggningen visas vidare.
cli-ledgen-serve--brand = Använd den här profilfilen i stället för `_brand.yml` bredvid innehållet.
cli-ledgen-schema = Skriv innehållsfilernas JSON-scheman, för textredigerare med en YAML-språkserver.
cli-ledgen-schema--out = Mappen som `report.schema.json` och `section.schema.json` skrivs till.
cli-ledgen-export = Exportera data till andra verktyg: åtgärdsplanen som CSV, XLSX eller iCalendar.
cli-ledgen-export-actions = Åtgärdsplanen: varje rekommendation och varje öppen (gul eller röd) statusrad.
cli-ledgen-export-actions--year = Året (standard: det senaste året i innehållsmappen).
cli-ledgen-export-actions--content = Innehållsmappen, med en mapp per år.
cli-ledgen-export-actions--format = Format.
cli-ledgen-export-actions--format-csv = kommaseparerade värden (RFC 4180, UTF-8)
cli-ledgen-export-actions--format-xlsx = en Excel-arbetsbok med rubrikrad, filter och kolumnbredder
cli-ledgen-export-actions--format-ics = en iCalendar-fil med en heldagshändelse per tidsfrist
cli-ledgen-export-actions--out = Skriv till den här filen i stället för till terminalen (krävs för xlsx).
cli-ledgen-export-actions--public = Utelämna sekretessbelagda uppgifter (markerade `intern` eller `sekretess`, eller i ett sådant block).
cli-ledgen-summary = Skriv nyckeltalen från översikten i `build --all` (per organisation och år) för andra verktyg.
cli-ledgen-summary--content = Innehållsmapparna, en per förvaltning eller bolag.
cli-ledgen-summary--format = Format.
cli-ledgen-summary--format-json = JSON (se docs/summary-json.md)
cli-ledgen-summary--format-csv = en rad per organisation och år
cli-ledgen-summary--out = Skriv till den här filen i stället för till terminalen.
cli-ledgen-summary--internal = Räkna med sekretessbelagda uppgifter och visa deras id (standard: den offentliga utgåvan).
cli-ledgen-summary--drafts = Räkna också rapporter markerade `draft: true` (utelämnas annars, som i `build --all`).

## Reading the content (src/model/status.rs, load.rs, yaml.rs, mod.rs)
status-unknown-status = okänd status `{ $word }`: här ska stå `grön`, `gul`, `röd` eller `ej bedömd` (eller `green`, `yellow`, `red`, `not-assessed`)
status-unknown-priority = okänd prioritet `{ $word }`: här ska stå `låg`, `medel` eller `hög` (eller `low`, `medium`, `high`)
status-unknown-decision = okänt beslut `{ $word }`: här ska stå `antagen`, `avslagen`, `ändrad` eller `bordlagd` (eller `adopted`, `rejected`, `amended`, `tabled`)
status-did-you-mean = ; menade du `{ $hint }`?
yesno-expected = här ska stå `true` eller `false` (eller `ja` eller `nej`), men det står `{ $value }`
config-no-content-folder = kan inte läsa innehållsmappen `{ $path }`: den finns inte
config-content-is-here = den här mappen innehåller själv genomgångarna ({ $years }): ange `--content .`, eller kör kommandot från mappen ovanför
config-content-is-there = { $count ->
    [one] genomgångarna ligger i `{ $folder }`: ange { $options }
   *[other] här finns genomgångar i flera mappar: ange en av { $options }
}
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
load-generated-one-per-item = varje punkt under `generated_sections` namnger ett avsnitt
load-generated-one-per-item-hint = skriv ett namn per punkt, t.ex. `- status_overview: {"{"} after: summary {"}"}`
load-generated-sections-are = de genererade avsnitten är { $names }
load-generated-unknown = okänt genererat avsnitt `{ $name }`
load-generated-listed-twice = det genererade avsnittet `{ $name }` står två gånger
load-after-not-listed = `after: { $name }` namnger inget avsnitt under `sections`
load-after-not-listed-hint = `after` ska vara ett filnamn (utan .yaml) som står under `sections`
load-year-not-folder = `year: { $year }` stämmer inte med mappens namn `{ $folder }`
load-year-not-folder-hint = skriv `year: { $folder }` eller byt namn på mappen
load-part-too-deep = delen `{ $title }` ligger för djupt
load-part-too-deep-hint = delar kan ligga i högst { $levels } rubriknivåer
load-heading-span = en rubrik innehåller en markering inom hakparentes (`[…]{"{"}…{"}"}`), vilket bara texter får ha
load-heading-span-hint = en rubrik kan inte maskera en fras eller ange ett språk; maskera frasen i texten under rubriken, eller markera hela delen `intern: true`
load-table-no-columns = en tabell behöver minst en kolumn
load-row-cells = raden `{ $id }` har { $cells ->
    [one] { $cells } cell
   *[other] { $cells } celler
} men tabellen har { $columns ->
    [one] { $columns } kolumn
   *[other] { $columns } kolumner
}
load-row-cells-note = kolumnerna är { $columns }; statusen står under `status_text`
load-incident-outside-years-hint = händelser ska vara daterade inom { $years }; kontrollera året
load-unknown-category = okänd händelsekategori `{ $category }`
load-categories-are = kategorierna är { $categories }; skriv egna under `categories:`
load-unknown-requirement = okänt krav i ISO/IEC 27001:2022 `{ $clause }`
load-unknown-requirement-hint = ange en punkt från 4.1 till 10.2, eller ett tema i bilaga A, A.5 till A.8
load-requirement-twice = kravet `{ $clause }` bedöms två gånger
load-first-assessed = första gången på rad { $line }
load-footnote-unwritten = fotnoten `[^{ $label }]` är aldrig skriven
load-footnote-unwritten-hint = skriv dess text i samma fält, på en egen rad efter en tomrad: `[^{ $label }]: Källa: …`
load-image-outside = bilden `{ $url }` ligger utanför rapportmappen
load-image-outside-hint = lägg bilden i rapportmappen och ange sökvägen därifrån, t.ex. `bilder/karta.png`
load-image-backslash = bilden `{ $url }` har ett `\` i sökvägen
load-image-backslash-hint = skilj mappar åt med `/`, som på webben: `{ $url }`
load-image-type = bilden `{ $url }` är inte av en tillåten typ
load-image-type-hint = använd en PNG-, JPEG-, GIF- eller SVG-fil
load-image-not-found = bilden `{ $url }` finns inte i rapportmappen
load-image-link-outside = bilden `{ $url }` är en länk till `{ $real }`, utanför rapportmappen
load-image-too-large = bilden `{ $url }` är { $size } KiB, mer än de { $limit } KiB som tillåts
load-image-too-large-hint = spara bilden i en mindre storlek
load-image-unreadable = kan inte läsa bilden `{ $url }`: { $error }
load-image-too-many-pixels = bilden `{ $url }` är { $megapixels } megapixel, vilket tar rapportens bilder över de { $limit } megapixel som en rapport får visa
load-image-too-many-pixels-hint = spara bilderna i den storlek de visas; 2 000 pixlar i bredd är skarpt på en utskriven sida

lint-no-status-text = raden `{ $id }` har ingen statustext
lint-no-status-text-hint = skriv i `status_text` varför statusen är som den är
lint-input-not-covered = inget avsnitt tar upp ISO/IEC 27001:2022 9.3.2 { $letter }) { $input }
lint-input-not-covered-hint = skriv ett avsnitt om det, eller lägg till punkten under ett avsnitts `covers:`
lint-date-not-in-year = rapportens datum { $date } ligger inte i rapportens år { $year }
lint-status-contradiction = raden `{ $id }`: status `{ $status }` men statustexten säger `{ $word }`
lint-no-decision = rekommendationen `{ $id }` har inget beslut, fast mötet har hållits
lint-no-decision-hint = skriv ledningens beslut med `decision: antagen`, `avslagen`, `ändrad` eller `bordlagd`
# $missing är who, priority eller both.
lint-no-who-or-priority = rekommendationen `{ $id }` saknar { $missing ->
    [who] `who`
    [priority] `priority`
   *[both] `who` och `priority`
} (Vem, Prioritet)
lint-incident-outside-year = händelsen `{ $id }` är daterad { $date }, utanför rapportens år { $year }
# $kind är table, recommendations eller incidents; $key är intern eller sekretess.
lint-whole-block-intern = `{ $key }` står på { $kind ->
    [recommendations] hela blocket med rekommendationer: alla { $count } rekommendationer
    [incidents] hela blocket med händelser: alla { $count } händelser
   *[table] hela tabellen: alla { $count } rader
} lämnas utanför den publika utgåvan; var det meningen att markera en enda?
lint-whole-block-intern-hint = för att utelämna en enda, skriv `intern: true` (eller `sekretess:`) under den, i höjd med dess `id:`
lint-placeholder = texten är fortfarande platshållaren från `ledgen init` (den börjar med "Att fylla i:")
lint-placeholder-hint = ersätt den med din egen text, eller ta bort den om den inte gäller
# $what är approved eller meeting.
lint-date-before-report = { $what ->
    [approved] fastställelsedatumet (`approved_on`)
   *[meeting] mötesdatumet (`meeting.date`)
} { $at } är före rapportens datum { $date }
lint-date-a-year-after = { $what ->
    [approved] fastställelsedatumet (`approved_on`)
   *[meeting] mötesdatumet (`meeting.date`)
} { $at } är mer än ett år efter rapportens datum { $date }
lint-date-after-report-hint = kontrollera året; { $what ->
    [approved] en genomgång fastställs sedan den skrivits, vid mötet eller efter det
   *[meeting] ledningen går igenom rapporten vid mötet, så mötet är samma dag som rapportens datum eller senare
}
lint-revision-outside-year = posten i revisionshistoriken från { $date } ligger inte i rapportens år { $year }
# $what är row eller recommendation.
lint-deadline-years-before = tidsfristen { $due } för { $what ->
    [row] raden
   *[recommendation] rekommendationen
} `{ $id }` ligger flera år före den här genomgången för { $year }
lint-deadline-years-before-hint = kontrollera året i `due`; en tidsfrist som redan passerat visas som försenad
# $what är text (en text nämner standarden) eller coverage (täckningstabellen görs mot den).
lint-27001-2022-before-published = { $what ->
    [text] texten
   *[coverage] täckningstabellen (9.3.2)
} hänvisar till ISO/IEC 27001:2022, men genomgången är daterad { $date }, innan standarden gavs ut ({ $published })
lint-27001-2022-before-published-hint = kontrollera rapportens `date`, eller hänvisa till ISO/IEC 27001:2013
lint-review-markers = { $count ->
    [one] en text från förra året är fortfarande markerad `Att granska`
   *[other] { $count } texter från förra året är fortfarande markerade `Att granska` (den första här)
}
lint-review-markers-hint = granska texten och ta sedan bort markeringen
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

## Building (src/error.rs)
build-error-typst = PDF-filen kunde inte kompileras (Typst-källan sparades i `{ $path }`)
build-error-timed-out =
    kompileringen av `{ $path }` tog längre tid än { $seconds } s och stoppades
    tips: en egen mall kan fastna i en oändlig loop; om rapporten bara är stor kan du ge mer tid med `--timeout SEKUNDER`
build-error-internal = internt fel vid kompileringen av `{ $path }`: { $message }; rapportera gärna felet
build-error-public-hidden = den publika utgåvan visar inte innehållets text; bygg den interna utgåvan (utan `--public`) för att se raden

## model/register.rs
register-sheet-without-from = ett `incidents`-block har `sheet` eller `columns` men inget `from`
register-sheet-without-from-hint = ange registrets exportfil med `from:`, t.ex. `from: incidenter.xlsx`
register-records-and-from = ett `incidents`-block har antingen `records` eller `from`, inte båda
register-records-and-from-hint = lägg in incidenterna i registret, eller lista alla här
register-outside = registret `{ $name }` ligger utanför rapportmappen
register-outside-hint = lägg exportfilen i rapportmappen och ange dess namn, t.ex. `incidenter.xlsx`
register-wrong-extension = registret `{ $name }` är varken en `.csv`- eller en `.xlsx`-fil
register-wrong-extension-hint = exportera registret som CSV (UTF-8) eller som en Excel-arbetsbok
register-sheet-for-csv = `sheet:` anger ett kalkylblad, men `{ $name }` är en CSV-fil
register-sheet-for-csv-hint = ta bort `sheet:` för en CSV-fil
register-cannot-read = kan inte läsa `{ $name }`: { $error }
register-not-found = registret `{ $name }` finns inte i rapportmappen
register-link-outside = registret `{ $name }` är en länk till `{ $target }`, utanför rapportmappen
register-not-a-file = registret `{ $name }` är inte en vanlig fil
register-too-large = registret `{ $name }` är { $size } KiB, mer än de { $limit } KiB en innehållsfil får vara
register-utf16 = filen är UTF-16-text, inte UTF-8; exportera den som "CSV UTF-8"
register-row-not-utf8 = rad { $row } är inte UTF-8-text; exportera registret som "CSV UTF-8"
register-csv-unreadable = kan inte läsa CSV-filen: { $error }
register-too-many-rows = fler än { $limit } rader
register-csv-empty = filen är tom; en rad med kolumnrubriker väntades
register-no-such-sheet = inget kalkylblad heter "{ $sheet }"; arbetsboken har { $sheets }
register-no-such-sheet-near = ; menade du "{ $near }"?
register-no-sheet = arbetsboken har inget kalkylblad
register-sheet-unreadable = kan inte läsa kalkylbladet "{ $sheet }": { $error }
register-too-many-cells = kalkylbladet "{ $sheet }" har fler än { $limit } celler med ett värde
register-sheet-empty = kalkylbladet är tomt; en rad med kolumnrubriker väntades
register-column-near = menade du "{ $near }"? Ange den under `columns:`
register-column-name-it = ange registrets egen rubrik under `columns:`
register-no-column = ingen kolumn har rubriken "{ $heading }"; rubrikerna är { $headings }
register-no-date = inget datum
register-invalid-date = ogiltigt datum "{ $date }"
register-invalid-date-hint = skriv datumet som ÅÅÅÅ-MM-DD, eller använd ett Excel-datum
register-no-category = ingen kategori
register-category-near = menade du "{ $near }"?
register-categories-are = kategorierna är { $categories }; lista dina egna under `categories:`
register-unknown-category = okänd kategori "{ $category }"; { $hint }
register-no-description = ingen beskrivning
register-not-yes-no = "{ $value }" är varken ja eller nej
register-not-yes-no-hint = skriv ja eller nej (eller x för ja, tomt för nej)

## model/workbook.rs
workbook-unreadable = kan inte läsa arbetsboken (är det en Excel .xlsx-fil?): { $error }
workbook-part = del { $index }
workbook-too-large = arbetsboken packas upp till mer än de { $limit } MiB ett register får vara
workbook-too-many-strings = arbetsbokens delade strängar (`{ $part }`) { $what }; ett register får ha högst { $limit } strängar
workbook-strings-stated = anger { $key }="{ $stated }"
workbook-strings-held = innehåller fler än { $limit } strängar
workbook-reaches-cell = kalkylbladet "{ $sheet }" når cell { $cell }; { $limits }
workbook-spans = kalkylbladet "{ $sheet }" anger att det sträcker sig över { $start }:{ $end }; { $limits }
workbook-limits = ett register får ha högst { $columns } kolumner (A till { $last }) och { $rows } rader

## model/brand/resolve.rs
brand-white = vitt
brand-the-background = bakgrunden { $colour }
brand-low-contrast = `color.{ $key }` { $colour } har kontrasten { $ratio }:1 mot { $ground }; text behöver minst { $minimum }:1
brand-low-contrast-hint = ledgen skriver rubriker, länkar och vit titeltext i `color.{ $key }`; välj en mörkare nyans (WCAG 2.1 AA)
brand-palette-not-hex = `color.palette.{ $name }` `{ $value }` är inte en hexfärg som `#1d4f91`
brand-colour-not-hex = `color.{ $key }` `{ $value }` är inte en hexfärg som `#1d4f91`
brand-colour-unknown = `color.{ $key }` `{ $value }` är varken en hexfärg eller ett namn i `palette`
brand-did-you-mean = menade du `{ $name }`?
brand-colour-hint = skriv färgen som `#rrggbb`; ledgen mäter dess kontrast, så CSS-färgnamn och -funktioner godtas inte
brand-logo-no-alt = logotypen saknar alternativtext
brand-logo-no-alt-hint = skriv `logo: {"{"}path: { $path }, alt: "…"{"}"}`, där `alt` säger vad logotypen visar, t.ex. "Exempelkommuns logotyp"
brand-alt-without-path = `logo.alt` utan `logo.path`
brand-logo-no-path = logotypen `{ $size }` saknar `path`
brand-sized-logo-no-alt = logotypen `{ $size }` saknar alternativtext
brand-sized-logo-no-alt-hint = skriv `{ $size }: {"{"}path: { $path }, alt: "…"{"}"}`, där `alt` säger vad logotypen visar, t.ex. "Exempelkommuns logotyp"; webbsidan behöver den
brand-logo-format = logotypen `{ $path }` är inte en PNG-, JPEG- eller SVG-fil
brand-logo-format-hint = spara logotypen som .svg (bäst), .png eller .jpg
brand-logo-invalid = logotypen `{ $path }` är inte en giltig { $format }-fil
brand-logo-too-large = logotypen `{ $path }` är { $size } megapixel, mer än de { $limit } en logotyp får vara
brand-logo-too-large-hint = spara logotypen i den storlek den visas, eller som .svg
brand-folder-unreadable = kan inte läsa mappen för `{ $path }`
brand-asset-outside = `{ $path }` ligger utanför varumärkesfilens mapp
brand-asset-outside-hint = lägg logotyp- och typsnittsfilerna i varumärkesfilens mapp
brand-not-a-file = `{ $path }` är inte en vanlig fil
brand-asset-too-large = `{ $path }` är större än de { $limit } MiB en logotyp- eller typsnittsfil får vara
brand-cannot-read = kan inte läsa `{ $path }`: { $error }
brand-family-name = typsnittsfamiljen `{ $family }` får bara innehålla bokstäver, siffror, mellanslag och `-`
brand-font-no-files = typsnittet `{ $family }` har `source: file` men inga `files`
brand-font-style = typsnittsstilen `{ $style }` är varken `normal` eller `italic`
brand-family-unknown = `typography.{ $key }` använder typsnittet `{ $family }`, men ingen post under `fonts` anger dess filer
brand-family-not-embedded = typsnitt med `source: { $source }` bäddas inte in; ladda ner typsnittsfilerna (.ttf eller .otf), lägg dem bredvid varumärkesfilen och lista dem med `source: file`
brand-family-add = lägg till `- {"{"}family: { $family }, source: file, files: [{"{"}path: fonts/….ttf, weight: 400{"}"}]{"}"}` under `typography.fonts`
brand-font-format = typsnittet `{ $path }` är inte en .ttf- eller .otf-fil
brand-font-format-hint = PDF-filen bäddar in TrueType- (.ttf) eller OpenType-typsnitt (.otf); webbtypsnitt (.woff, .woff2) kan inte bäddas in
brand-font-invalid = `{ $path }` är inte en giltig typsnittsfil

## ledgen build (src/commands/build.rs)

build-building = Bygger { $year } från `{ $folder }`
build-wrote = Skrev { $path } ({ $size })
build-wrote-pages = Skrev { $path } ({ $size }, { $count ->
    [one] { $count } sida
   *[other] { $count } sidor
})
build-finished = Klart på { $seconds } s
build-brand = Grafisk profil: `{ $path }`
build-brand-none = Grafisk profil: ingen (ingen `_brand.yml` i rapportmappen, innehållsmappen eller mappen ovanför den)
build-public-nothing-left-out = Den publika utgåvan: inget är markerat `intern`; inget utelämnas
build-public-leaves-out = { $count ->
    [one] Den publika utgåvan utelämnar { $count } del:
   *[other] Den publika utgåvan utelämnar { $count } delar:
}
build-public-emptied-part = allt i { $kind } "{ $title }" är sekretessmarkerat: den publika utgåvan utelämnar hela delen, rubriken med, och säger i en mening att innehållet är undanhållet
build-public-emptied-section = allt i { $kind } "{ $title }" är sekretessmarkerat: den publika utgåvan behåller rubriken och säger i en mening att innehållet är undanhållet
build-public-emptied-block = allt i { $kind } under "{ $title }" är sekretessmarkerat: den publika utgåvan säger i dess ställe i en mening att innehållet är undanhållet
build-public-block-left-out = den publika utgåvan utelämnar det, eftersom allt i det är markerat `intern`: { $kind } ({ $label })
build-public-masks = { $count ->
    [one] Den publika utgåvan maskerar { $count } fras:
   *[other] Den publika utgåvan maskerar { $count } fraser:
}
build-public-masked-phrase = fras "{ $phrase }" { $provision }

## What the public edition leaves out, as `build --public` names it (src/model/mod.rs, src/view/withheld.rs)
left-out-text-block = textblock
left-out-table = hel statustabell
left-out-recommendations-block = helt block med rekommendationer
left-out-appendices-block = helt block med bilagor
left-out-incidents-block = helt block med incidenter
left-out-gap-analysis-block = hel GAP-analys
left-out-status-row = statusrad
left-out-recommendation = rekommendation
left-out-incident = incident
left-out-section = avsnitt
emptied-part = delavsnittet
emptied-section = avsnittet
emptied-table = statustabellen
emptied-recommendations = listan med rekommendationer

## Content blocks and output formats (src/model/mod.rs, src/formats/mod.rs)
yaml-block-holds-one-kind = ett innehållsblock har exakt en av `text`, `table`, `recommendations`, `appendices`, `incidents` eller `gap_analysis`; det här har { $count }
format-unknown-report-format = okänt utdataformat `{ $name }`; formaten är { $known } och `all`

## ledgen check (src/commands/check.rs)

check-ok = { $path }: ok ({ $sections ->
    [one] { $sections } avsnitt
   *[other] { $sections } avsnitt
}, { $rows ->
    [one] { $rows } statusrad
   *[other] { $rows } statusrader
}, { $recommendations ->
    [one] { $recommendations } rekommendation
   *[other] { $recommendations } rekommendationer
}, { $warnings ->
    [one] { $warnings } varning
   *[other] { $warnings } varningar
})
check-coverage-heading = Underlag till genomgången enligt ISO/IEC 27001:2022 9.3.2:
check-coverage-covered = täckt
check-coverage-empty = tomt
check-coverage-missing = saknas
check-coverage-in = i: { $sections }
check-coverage-claimed-only = { $count ->
    [one] anges av { $sections } (genom avsnittets typ eller `covers:`), men där står inget än, bara platshållartexter eller tomma tabeller: skriv vad genomgången kom fram till
   *[other] anges av { $sections } (genom avsnittens typer eller `covers:`), men där står inget än, bara platshållartexter eller tomma tabeller: skriv vad genomgången kom fram till
}
check-coverage-none = inget avsnitt tar upp det (skriv `{ $letter }` under ett avsnitts `covers:`)

## ledgen new (src/commands/new.rs)

new-year-exists = `{ $path }` finns redan; ledgen new skriver aldrig över ett år
new-created = Skapade `{ $path }` från { $from }: { $files } filer, { $rows ->
    [one] { $rows } statusrad
   *[other] { $rows } statusrader
}, { $followed }
new-to-follow-up = { $count ->
    [one] { $count } rekommendation att följa upp
   *[other] { $count } rekommendationer att följa upp
}
new-tabled = { $count ->
    [one] , { $count } bordlagd åter bland rekommendationerna att besluta om igen
   *[other] , { $count } bordlagda åter bland rekommendationerna att besluta om igen
}
new-rejected = { $count ->
    [one] , { $count } avslagen antecknad som sådan
   *[other] , { $count } avslagna antecknade som sådana
}
new-review-marks = { $count ->
    [one] { $count } text som förts över från { $from } är markerad "Att granska" för granskning
   *[other] { $count } texter som förts över från { $from } är markerade "Att granska" för granskning
}
new-next = Det nya året är ett utkast (`draft: true` i report.yaml) tills ledningen fastställer det.
    Nästa steg: redigera filerna, kör sedan `ledgen check { $year }{ $content }` och `ledgen build { $year }{ $content }`
new-from-not-earlier = kan inte skapa { $year } från { $from }: `--from` måste vara ett tidigare år (ledgen new för bara ett år framåt)
new-from-missing = det finns ingen rapport för { $from } under `{ $folder }` att utgå från
new-no-earlier-review = det finns ingen tidigare genomgång under `{ $folder }` att skapa { $year } från
new-no-earlier-review-hint = för din första genomgång, kör `ledgen init MAPP --organisation NAMN`: det skapar ett år att fylla i; om dina genomgångar ligger i en annan mapp, ange den med `--content MAPP`
new-no-year-before = det finns inget år före { $year } under `{ $folder }` att utgå från: ledgen new för ett tidigare år framåt (det tidigaste som finns är { $earliest })
cmd-failed-create-folder-in = kunde inte skapa en mapp i `{ $path }`
cmd-failed-write = kunde inte skriva `{ $path }`
new-scaffold-fails-check = det nya året klarar inte `ledgen check`; `{ $path }` skapades inte
cmd-failed-create = kunde inte skapa `{ $path }`
cmd-failed-read = kunde inte läsa `{ $path }`
cmd-failed-copy = kunde inte kopiera `{ $path }`
new-not-copied = `{ $path }` är varken en fil eller en mapp (en namngiven pipe eller en enhet?); den kopieras inte

## ledgen init (src/commands/init.rs)

init-organisation-empty = `--organisation` är tomt: ange organisationens namn, t.ex. --organisation "Exempelkommun"
init-year-out-of-range = året måste vara från 1900 till 9999, inte { $year }
init-folder-not-empty = `{ $path }` finns redan och är inte tom; ledgen init skriver bara i en ny eller tom mapp
init-folder-not-empty-hint = välj ett annat mappnamn, t.ex. `ledgen init ledningens-genomgang --organisation "{ $organisation }"`
init-created = Skapade en första genomgång för { $year } i `{ $path }`:
init-created-year = genomgången: report.yaml och en fil per avsnitt
init-created-schema = låter din redigerare kontrollera filerna medan du skriver
init-created-brand = din organisations namn, logotyp, färger och typsnitt
init-next-steps = Nästa steg:
init-step-editor = 1. Öppna mappen `{ $path }` i en redigerare som förstår YAML, t.ex. Visual Studio Code med tillägget "YAML" från Red Hat. Den markerar fel medan du skriver.
init-step-fill-in = 2. Ersätt varje text som börjar med "Att fylla i:" med din egen. `ledgen check{ $content }` listar de som är kvar, med fil och rad.
init-step-build = 3. `ledgen build{ $content }` skapar PDF:en och webbsidan, i `output/{ $year }/`.
init-step-public = 4. `ledgen build{ $content } --public` skapar utgåvan utan det som är markerat `intern: true`, för publicering.
init-next-year = Nästa år startar `ledgen new { $year }{ $content }` den nya genomgången utifrån den här.

## ledgen history (src/commands/history.rs)

history-cmd-heading = { $id } i `{ $folder }`
history-cmd-does-not-load = (rapporten går inte att läsa in; kör `ledgen check { $year }`)
history-cmd-withheld = { $count ->
    [one] ({ $count } sekretessmarkerad post utelämnad)
   *[other] ({ $count } sekretessmarkerade poster utelämnade)
}

## ledgen diff (src/commands/diff.rs)

diff-not-older = den första rapporten ({ $old }) är inte äldre än den andra ({ $new })
diff-regressed = { $count ->
    [one] { $count } rad har försämrats sedan { $year }
   *[other] { $count } rader har försämrats sedan { $year }
}
diff-wrote = Skrev { $path }
cmd-failed-stdout = kunde inte skriva till standard output
diff-no-report-yaml = mappen `{ $path }` har ingen `report.yaml`
diff-no-year = det finns ingen rapport för { $year } under `{ $folder }`
diff-no-year-but = det finns ingen rapport för { $year } under `{ $folder }`: åren som finns är { $years }
diff-neither = `{ $arg }` är varken ett år under `{ $folder }` eller en rapportmapp med en `report.yaml`

## ledgen export actions (src/commands/export.rs)

export-wrote = Skrev { $path }: { $what }
export-xlsx-to-terminal = en XLSX-fil kan inte visas i terminalen; ange `--out FIL.xlsx`
export-no-deadlines = ingen punkt i handlingsplanen för { $year } har en tidsgräns, så kalendern innehåller inga händelser
export-items = { $recommendations ->
    [one] { $recommendations } rekommendation
   *[other] { $recommendations } rekommendationer
}, { $status ->
    [one] { $status } öppen statusrad
   *[other] { $status } öppna statusrader
}
export-calendar = { $count ->
    [one] { $count } kalenderhändelse
   *[other] { $count } kalenderhändelser
} ur handlingsplanen för { $year } ({ $items })
export-undated = { $count ->
    [one] ; { $count } punkt utan tidsgräns finns inte med
   *[other] ; { $count } punkter utan tidsgräns finns inte med
}
export-table = handlingsplanen för { $year } ({ $items })

## ledgen build --all (src/commands/all.rs)

all-building-public = Bygger den publika utgåvan av { $reports } rapporter från { $folders } innehållsmapp(ar) med { $threads } trådar
all-building-internal = Bygger den interna utgåvan av { $reports } rapporter från { $folders } innehållsmapp(ar) med { $threads } trådar
all-drafts-left-out = { $count ->
    [one] ; utelämnade { $count } utkast (bygg det med --drafts)
   *[other] ; utelämnade { $count } utkast (bygg dem med --drafts)
}
all-built = Byggde { $built } av { $total } rapporter på { $seconds } s{ $skipped }; index: { $index }
all-report-failed = { $name } misslyckades:
all-failed = { $failed } av { $total } rapporter misslyckades
all-removed-internal = Tog bort { $count } fil(er) av den interna utgåvan från `{ $folder }`, så att mappen bara innehåller den publika utgåvan:
all-removed-public = Tog bort { $count } fil(er) av den publika utgåvan från `{ $folder }`, så att mappen bara innehåller den interna utgåvan:
all-state-built = klar
all-state-failed = MISSLYCKADES
all-progress-brand = (grafisk profil: `{ $path }`)
all-progress-brand-none = (grafisk profil: ingen)

## Shared by the commands (src/commands/mod.rs and others)

cmd-several-content-folders = flera `--content`-mappar kan bara byggas tillsammans, med `build --all`
cmd-not-a-year-folder = `{ $path }` läses inte: en årsmapp har ett namn av exakt fyra siffror, t.ex. `2023`

## ledgen schema (src/commands/schema.rs)

schema-cmd-wrote = Skrev { $path }
schema-cmd-point-content = Låt innehållsfilerna peka på dem med en första rad som
schema-cmd-point-brand = och en `_brand.yml` bredvid årsmapparna med

## Reading YAML, dates and years (src/model/yaml.rs, mod.rs, glyphs.rs, years.rs)

yaml-alias-anchored-on-line = `*` upprepar värdet som är märkt med `&` på rad { $line }
yaml-too-deep = listor och mappningar ligger i mer än { $depth } nivåer
yaml-too-deep-hint = en genomgång har bara några få nivåer; kontrollera hakparenteserna och indragen
yaml-too-many-values = filen har mer än { $limit } YAML-värden (nycklar, texter, listor; ett alias `*namn` räknas varje gång det används)
yaml-too-many-values-alias-hint = ett alias upprepar hela det märkta värdet, och alias av alias mångdubblas; skriv ut det upprepade innehållet i stället
yaml-too-many-values-hint = det motsvarar ungefär 5000 tabellrader; dela upp innehållet i flera delar eller avsnittsfiler
yaml-too-many-aliases = filen använder mer än { $limit } märken (`&namn`) eller alias (`*namn`)
yaml-too-many-aliases-hint = skriv ut upprepad text i stället för att använda alias
yaml-alias-text-too-large = filens text blir mer än { $size } MiB när dess alias (`*namn`) fylls i
yaml-alias-text-too-large-hint = varje alias upprepar hela det märkta värdet; skriv långa texter bara en gång
yaml-too-complex = filen är större eller mer komplicerad än en innehållsfil får vara ({ $detail })
yaml-too-complex-hint = en innehållsfil har ett avsnitt av en genomgång
yaml-duplicate-key = nyckeln `{ $key }` finns två gånger i samma mappning
yaml-duplicate-key-unnamed = en nyckel finns två gånger i samma mappning
yaml-duplicate-key-hint = en nyckel får bara finnas en gång i en mappning; ta bort den ena, eller, om de hör till två poster i en lista, börja den andra posten med `- `
yaml-expected-list = här ska det stå en lista
yaml-expected-list-hint = skriv varje punkt på en egen rad som börjar med `- `, eller skriv `[a, b]`
yaml-expected-mapping = här ska det stå rader med `nyckel: värde`
yaml-expected-mapping-hint = en innehållsfil, ett block, en rad och en rekommendation består var och en av rader med `nyckel: värde`
yaml-expected-text = här ska det stå en enda text, inte en lista eller mappning
yaml-expected-text-hint = en text som börjar med `[` eller `{"{"}` måste stå inom citattecken: '[...]'
yaml-expected-other = här ska det stå { $what }
yaml-expected-other-hint = se docs/content-format.md för vad varje nyckel innehåller
yaml-unsupported-tag = YAML-taggen `{ $tag }` stöds inte
yaml-tag-hint = innehållsfiler använder inga YAML-taggar (`!namn`); de kan inte ta in andra filer
yaml-did-you-mean = menade du `{ $name }`?
yaml-unknown-value = okänt värde `{ $value }`, förväntade ett av { $expected }
yaml-ends-mid-value = filen slutar mitt i ett värde
yaml-control-char = filen innehåller styrtecknet U+{ $code }, som YAML inte tillåter
yaml-control-char-hint = ta bort det; det syns inte i de flesta redigerare
yaml-bracket-still-open = `{ $bracket }` på rad { $line }, kolumn { $column } är fortfarande öppen här; saknas en `{ $close }`?
yaml-colon-in-value = den här texten innehåller `: `, som YAML läser som början på en ny nyckel
yaml-unclosed-quote = texten som börjar med `{ $quote }` här avslutas inte på sin rad
yaml-unclosed-quote-hint = avsluta den med `{ $quote }`: `{ $fixed }`; utan det läser YAML vidare till nästa `{ $quote }`, på rad { $line }
yaml-block-line-less-indented = rad { $line } är indragen { $ours }, mindre än första raden i texten den hör till ({ $theirs })
yaml-block-line-hint = dra in den { $spaces }; varje rad i en text som skrivs efter `|` börjar i samma kolumn som textens första rad
yaml-bang-needs-quotes = en text som börjar med `!` måste stå inom citattecken: YAML läser `!` som början på en tagg
yaml-bang-needs-quotes-hint = skriv den som { $quoted }
yaml-continued-value = rad { $line } är indragen { $ours }, mer än raden ovanför, så YAML läste den som en del av den radens värde
yaml-continued-value-hint = dra in den { $spaces }, som raden ovanför; i YAML avgör hur långt en rad är indragen vad den hör till
yaml-misindented-key-hint = `{ $field }` står på rad { $line }, indragen { $ours } mellanslag; nycklarna bredvid har { $theirs }, så dra in den { $theirs } mellanslag också
yaml-expected-bool = här ska det stå `true` eller `false`

date-invalid = ogiltigt datum `{ $text }`: { $why }
date-expected-format = skriv ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM när dagen inte är känd, till exempel 2023-08-25 eller 2022-12
date-year-out-of-range = året måste vara från 1900 till 9999
date-no-such-month = månad { $month } finns inte; månaden skrivs 01 till 12, till exempel { $year }-09-15
date-day-zero = dag 00 finns inte; dagen skrivs 01 till 31
date-no-such-day = { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year } har { $days } dagar, så dag { $day } finns inte

years-reused-id = { $what ->
    [row] raden
   *[other] rekommendationen
} `{ $id }` har id:t för { $what ->
    [row] en rad
   *[other] en rekommendation
} från { $year } med en text som inte har något gemensamt med den här ("{ $words }"); jämförelsen kommer att redovisa dem som samma { $what ->
    [row] rad
   *[other] rekommendation
}
years-reused-id-hint = menade du `follows: { $id }` under ett eget id, eller ett nytt id för { $what ->
    [row] en ny rad
   *[other] en ny rekommendation
}?
years-follows-unknown = { $what ->
    [row] raden
   *[other] rekommendationen
} följer den okända rekommendationen `{ $id }`: inget tidigare år under `{ $path }` har den
glyphs-unshowable = tecknet { $shown } kan inte visas: inget av rapportens typsnitt har det
glyphs-unshowable-hint = rapportens typsnitt har latinska bokstäver (med de samiska och finska), kyrilliska, grekiska, arabiska och hebreiska bokstäver, vanliga symboler och emoji; skriv texten utan det här tecknet
## Rendering and writing the files (src/output.rs, render/*, sandbox.rs, pdf/*, formats/*, batch/*, scaffold/written.rs, brand/file.rs)

output-write-failed = kunde inte skriva `{ $path }`
output-create-failed = kunde inte skapa `{ $path }`
output-temp-failed = kunde inte skapa en tillfällig fil i `{ $path }`
output-held-open =
    kan inte ersätta `{ $path }`: ett annat program har den öppen ({ $reason }); filen är oförändrad
    tips: stäng { $what } och bygg igen
output-held-open-the-pdf = PDF-filen i visningsprogrammet

render-parse-failed = kunde inte tolka mallarna
render-parse-failed-overrides = kunde inte tolka mallarna (egna mallar från `{ $path }`)
render-invalid-templates = ogiltiga mallar
render-invalid-templates-overrides = ogiltiga mallar (egna mallar från `{ $path }`)
render-cannot-read-folder = kunde inte läsa `{ $path }`
render-templates-link-outside = mallmappen `{ $path }` är en länk till `{ $target }`, utanför rapportmappen `{ $report }`
render-context-failed = kunde inte förbereda mallarnas data
render-failed = kunde inte fylla i mallen `{ $name }`
render-not-utf8 = en mall skrev text som inte är UTF-8
render-typst-fr-expects-numbers = typst_fr väntar sig en lista med tal
render-cut-needs-n = `cut` behöver ett heltal `n`

guard-function-unavailable = funktionen `{ $name }` finns inte i ledgens mallar
guard-range-not-whole-number = `range` behöver ett heltal för `{ $key }`, inte { $value }
guard-range-needs-argument = `range` behöver argumentet `{ $key }`
guard-range-step-zero = `range` behöver ett `step_by` som är minst 1
guard-range-too-long = `range` skulle ge { $count } tal; ledgens mallar tillåter högst { $limit }
guard-macro-of = makrot `{ $name }` i `{ $file }`
guard-recursion = { $body } anropar sig själv ({ $path }); ledgens mallar får inte vara rekursiva, så att ifyllningen alltid tar slut
guard-set-global = `{ $template }` sätter `{ $key }` med `set_global`, vilket ledgens mallar inte tillåter (en slinga skulle kunna låta värdet växa utan gräns)
guard-output-too-large = mallens utdata passerade { $size } MiB; ledgens mallar får skriva högst så mycket

budget-timed-out = ifyllningen av mallarna tog längre tid än { $seconds } s och avbröts (en egen mall kan ha en slinga som pågår för länge; ge mer tid med `--timeout SEKUNDER`)
budget-value-too-large = { $what } skulle bygga ett värde på mer än { $size } MiB; ledgens mallar får bygga högst så mycket
budget-the-filter = filtret `{ $name }`
budget-the-function = funktionen `{ $name }`
budget-set-or-loop = ett `set` eller en slingas lista
budget-too-many-concatenated = en sammanfogning (`~`) av { $count } värden; ledgens mallar får sammanfoga högst { $limit } åt gången

sandbox-cannot-read-template = kunde inte läsa mallen `{ $path }`
sandbox-cannot-read = kunde inte läsa `{ $path }`
sandbox-template-link-outside = mallen `{ $path }` är en länk till `{ $target }`, utanför rapportens mallmapp
sandbox-template-not-a-file = mallen `{ $path }` är inte en vanlig fil på högst { $limit } KiB
sandbox-template-not-utf8 = filen är inte giltig UTF-8-text; spara filen som UTF-8

pdf-compiler-panicked = kompilatorn kraschade: { $message }
pdf-compile-timed-out = kompileringen tog längre tid än { $seconds } s och avbröts
pdf-no-thread = kan inte starta en tråd för kompilatorn: { $error }
pdf-panic-without-message = en krasch utan meddelande
pdf-invalid-standards = ogiltigt val av PDF-standarder: { $error }
pdf-standards-not-met =
    { $diagnostics }
    obs: PDF-standarderna { $standards } kunde inte uppfyllas
pdf-worker-sent-no-result = kompileringstråden skickade inget resultat
pdf-worker-stopped = kompileringstråden avslutades utan resultat
pdf-and = och
pdf-in-the-text-written-there =
    { $places }
    obs: i texten som skrevs där; i den genererade Typst-källkoden:
    { $rendered }
pdf-another-standard = en annan PDF-standard

world-no-packages = paket finns inte i ledgens rapporter
world-not-in-report-folder = `{ $path }` finns inte i rapportmappen `{ $folder }`; filer utanför rapportmappen kan inte läsas, och en sökväg som börjar med `/` börjar i rapportmappen
world-link-outside = `{ $path }` är en länk till `{ $target }`, utanför rapportmappen `{ $folder }`
world-not-a-file = `{ $path }` är inte en vanlig fil
world-too-large = `{ $path }` är större än de { $limit } MiB som en mall får läsa
world-too-many-pixels = `{ $path }` har { $pixels } megapixlar, vilket tar rapportens bilder över de { $limit } megapixlar som en rapport får visa; spara bilderna i den storlek de visas i

format-typst-temp-failed = kunde inte skapa en tillfällig fil för Typst-källkoden: { $error }
format-write-failed = kunde inte skriva `{ $path }`: { $error }
format-json-failed = kunde inte skriva jämförelsen som JSON: { $error }
format-docx-failed = Word-utgåvan kunde inte skrivas: { $error }

batch-remove-failed = kunde inte ta bort `{ $path }`
batch-no-threads = kan inte starta trådarna för `build --all`

scaffold-yaml-failed = kunde inte skriva `{ $name }` som YAML

brand-file-weight-out-of-range = teckenvikten { $weight } är inte mellan 100 och 900
brand-file-weight-not-a-number = teckenvikten `{ $weight }` är inte ett tal mellan 100 och 900 och inte heller `normal` eller `bold`

## ledgen serve, dubbelklicksstarten, historiken och exporten av åtgärder (src/commands/serve*, launch.rs, history.rs, spreadsheet.rs, actions.rs)

serve-building = bygger…
serve-no-address = servern har ingen adress
serve-serving = Visar { $year } på http://{ $address }/ (PDF: http://{ $address }/pdf, presentation: http://{ $address }/slides); tryck Ctrl-C för att sluta
serve-serving-public = Visar { $year } (den publika utgåvan) på http://{ $address }/ (PDF: http://{ $address }/pdf, presentation: http://{ $address }/slides); tryck Ctrl-C för att sluta
serve-cannot-open-browser = kan inte öppna en webbläsare ({ $program }: { $error }); öppna { $url } i en webbläsare själv
serve-cannot-listen = kan inte lyssna på { $address }: { $error }
serve-port-in-use-hint = ett annat program använder kanske port { $port }; prova `--port { $next }`
serve-public-off-loopback = på { $host } kan förhandsvisningen nås från nätverket; den visar den publika utgåvan (lägg till `--internal` för den interna)
serve-internal-off-loopback = den interna utgåvan visas på { $host }: alla som kan nå den adressen kan läsa det som är markerat `intern`
serve-cannot-watch-content = kan inte bevaka innehållsmappen efter ändringar
serve-cannot-watch = kan inte bevaka `{ $path }`
serve-cannot-create = kan inte skapa `{ $path }`
serve-rebuilt = Byggde om { $year } på { $ms } ms
serve-last-good-still-served = (den senaste lyckade byggningen visas fortfarande)
serve-stopped-running = { $count ->
    [one] { $count } avbruten kompilering körs fortfarande i bakgrunden; den slutar av sig själv
   *[other] { $count } avbrutna kompileringar körs fortfarande i bakgrunden; de slutar av sig själva
}
# Rutan över sidan i webbläsaren när en sparning inte går att bygga; felet står efter.
serve-banner = ledgen: den senaste ändringen går inte att bygga; sidan visar den senaste lyckade byggningen.
serve-cannot-configure-socket = kan inte ställa in anslutningen som servern lyssnar på
serve-cannot-start-runtime = kan inte starta webbserverns körmiljö
serve-cannot-start-thread = kan inte starta webbserverns tråd
serve-cannot-serve = webbservern kan inte starta: { $error }
serve-cannot-accept = kan inte ta emot en anslutning: { $error } (försöker igen)
# Svaren på anrop som förhandsvisningen inte besvarar, som ren text i webbläsaren.
serve-http-forbidden = förhandsvisningen svarar bara på sin egen adress
serve-http-method-not-allowed = bara GET och HEAD besvaras
serve-http-body = anrop till förhandsvisningen får inte ha något innehåll
serve-slides-title = Presentation
serve-http-no-pdf = ingen PDF har byggts än
serve-http-not-found = sidan finns inte

# Det som ett dubbelklick på ledgen.exe utanför en mapp med genomgångar visar, i ett konsolfönster.
launch-explanation =
    ledgen gör ledningens genomgång av informationssäkerheten till en PDF och en webbsida.

    ledgen används i ett kommandofönster (PowerShell eller Kommandotolken), inte med dubbelklick:
    öppna mappen där ledgen.exe ligger i Utforskaren, skriv powershell i adressfältet och tryck
    Enter. Skriv sedan till exempel

    {"  "}.\ledgen.exe init ledningens-genomgang --organisation "Exempelkommun"
                                    skapar en mapp med ett första år att fylla i
    {"  "}.\ledgen.exe build --content ledningens-genomgang
                                    gör PDF och webbsida av det senaste året
    {"  "}.\ledgen.exe --help           visar alla kommandon

    Lägger du ledgen.exe i mappen med årsmapparna (till exempel ledningens-genomgang) och
    dubbelklickar på den där, visas rapporten i webbläsaren och uppdateras varje gång du sparar.

    Mer står i LÄS MIG.txt bredvid ledgen.exe.
launch-press-enter = Tryck Enter för att stänga fönstret.

history-no-report = ingen rapport under `{ $folder }`
history-no-such-id = ingen rad eller rekommendation med id `{ $id }` något år under `{ $folder }`
history-did-you-mean = menade du `{ $id }`?

export-csv-failed = kunde inte skriva CSV-filen
export-xlsx-failed = kunde inte skriva arbetsboken

## Rapportens egna ord: rubriker, etiketter och kolumnrubriker. De är rapportens språk, inte
## programmets: en rapport på svenska har dem på svenska vilket språk ledgen än talar.

report-contents = Innehåll
report-page = Sida
report-of = av
report-legend = Statusförklaring
report-legend-intro = Varje rad har en status som visas med färg, symbol och ord:
report-date = Datum
report-author = Författare
report-description = Beskrivning
report-recommendation = Rekommendation
report-how = Hur
report-who = Vem
report-priority = Prioritet
report-abbreviations = Förkortningar
report-abbreviation = Förkortning
report-meaning = Betydelse
report-revision-history = Revisionshistorik
report-appendix = Bilaga
report-appendix-placeholder = Bilagan ingår inte i detta underlag.
report-status = Status
report-skip-to-content = Hoppa till innehållet
report-compiled-by = Sammanställd av
report-contents-nav = Innehållsförteckning
report-back-to-top = Till innehållsförteckningen
report-changes-heading = Förändringar sedan föregående år
report-change = Förändring
report-intern = Intern
report-public-edition = Publik version
report-public-edition-note = Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) har utelämnats i denna version.
report-internal-edition = Intern version
report-internal-edition-note = Innehåller uppgifter som kan omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL). Ska inte publiceras.
report-followed-up-withheld = Följs upp (uppgifterna omfattas av sekretess och redovisas inte här)
report-draft-watermark = UTKAST
report-draft-banner = Utkast – inte fastställd
report-draft-note = Rapporten är ett utkast och har ännu inte fastställts av ledningen.
report-note = Om dokumentet
report-count = Antal
report-regressions = Försämrad status
report-status-overview = Statusöversikt
report-status-overview-caption = Bedömda rader per status och avsnitt
report-section = Avsnitt
report-total = Totalt
report-chart = Diagram
report-incidents-per-category = Incidenter per kategori
report-incidents-per-month = Incidenter per månad
report-category = Kategori
report-month = Månad
report-incident-list = Incidenter
report-consequence = Konsekvens
report-actions = Åtgärder
report-personal-data = Personuppgifter
report-reported-to-imy = Anmäld till IMY
report-yes = Ja
report-no = Nej
report-no-incidents = Inga incidenter har registrerats.
report-text-before = Före
report-text-after = Nu
report-status-text-field = Statustext
report-words-deleted = borttaget:
report-words-inserted = tillagt:
report-confidential-count = Omfattas av sekretess
report-requirement = Krav
report-current-state = Nuläge
report-comment = Kommentar
report-proposed-action = Förslag på åtgärd
report-gap-caption = Krav i ISO/IEC 27001:2022 per status och huvudavsnitt
report-gap-details = Bedömning per krav
report-coverage = Underlag enligt ISO/IEC 27001:2022 9.3.2
report-review-input = Underlag
report-addressed-in = Behandlas i
report-not-addressed = Behandlas inte
report-export-kind = Typ
report-export-year = År
report-export-number = Nr
report-export-id = Id
report-export-text = Text
report-export-status-text = Statustext
report-export-decision = Beslut
report-export-owner = Ägare
report-export-due = Klart senast
report-export-confidential = Sekretess
report-export-status-row = Statusrad
report-export-sheet = Åtgärdsplan
report-decisions-heading = Beslut
report-decision = Beslut
report-owner = Ansvarig
report-due = Klart senast
report-no-decision = Beslut saknas
report-attendees = Närvarande
report-meeting-date = Mötesdatum
report-name = Namn
report-role = Roll
report-approval = Fastställande
report-approved-by = Fastställd av
report-approved-on = Fastställd
report-registration-number = Diarienummer
report-registration-number-short = Dnr
report-signature = Underskrift
report-overview-status-caption = Bedömda rader per status och år
report-overview-figures = Nyckeltal per år
report-overview-year = År
report-overview-statuses = Grön / gul / röd / ej bedömd
report-overview-improved = Förbättrade
report-overview-worsened = Försämrade
report-overview-open-high = Öppna rekommendationer, hög prioritet
report-overview-overdue = Försenade uppföljningar
report-overview-incidents = Incidenter
report-overview-shared = Gemensamma rader
report-overview-shared-intro = Rader som finns hos flera organisationer, med status från respektive organisations senaste genomgång.
report-overview-missing = Saknas
report-overview-failed = Kunde inte läsas

## Månader, datum och tal i löpande text

report-month-name = { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
 }
# Ett datum i löpande text: "26 september 2024", eller "september 2024" när dagen inte är känd.
report-date-in-prose = { $day } { $month } { $year }
report-month-in-prose = { $month } { $year }
# Ett antal i löpande text (för ett ord med n-genus: "en rad", "en incident"): med bokstäver
# upp till tolv; $zero är vad som skrivs för noll ("inga", "ingen").
report-number-in-words = { $n ->
    [0] { $zero }
    [1] en
    [2] två
    [3] tre
    [4] fyra
    [5] fem
    [6] sex
    [7] sju
    [8] åtta
    [9] nio
    [10] tio
    [11] elva
    [12] tolv
   *[other] { $n }
 }
report-none-singular = ingen
# Yrkesroller som skrivs med liten bokstav mitt i en mening ("förvaltningsdirektör Kim Ek"):
# ordslut, åtskilda av mellanslag.
report-role-endings = direktör chef ordförande samordnare ombud ansvarig sekreterare
# En uppräkning: "a och b", "a, b och c".
report-list-separator = ,{" "}
report-list-last = { $rest } och { $last }

## Statusord, beslut och prioriteter

report-status-green = Grön
report-status-yellow = Gul
report-status-red = Röd
report-status-not-assessed = Ej bedömd
# Statusorden mitt i en mening, som i "gul → grön".
report-status-inline-green = grön
report-status-inline-yellow = gul
report-status-inline-red = röd
report-status-inline-not-assessed = ej bedömd
report-status-change = { $old } → { $new }
report-legend-green = Aktiviteten är genomförd och/eller inga stora avvikelser har noterats.
report-legend-yellow = Det finns fortsatta brister, fler åtgärder behöver vidtas eller arbete pågår.
report-legend-red = Det finns allvarliga brister som kräver åtgärd.
report-legend-not-assessed = Har inte bedömts i denna genomgång.
report-decision-adopted = Antagen
report-decision-rejected = Avslagen
report-decision-amended = Ändrad
report-decision-tabled = Bordlagd
report-priority-low = Låg
report-priority-medium = Medel
report-priority-high = Hög
report-overdue = Försenad

## Förändringar sedan föregående år: ordet, och ordet efter ett antal ("1 förbättrad", "3 förbättrade")

report-change-improved = Förbättrad
report-change-improved-counted = { $count ->
    [one] förbättrad
   *[other] förbättrade
 }
report-change-regressed = Försämrad
report-change-regressed-counted = { $count ->
    [one] försämrad
   *[other] försämrade
 }
report-change-reassessed = Ombedömd
report-change-reassessed-counted = { $count ->
    [one] ombedömd
   *[other] ombedömda
 }
report-change-text-changed = Ändrad text
report-change-text-changed-counted = med ändrad text
report-change-unchanged = Oförändrad
report-change-unchanged-counted = { $count ->
    [one] oförändrad
   *[other] oförändrade
 }
report-change-added = Ny
report-change-added-counted = { $count ->
    [one] ny
   *[other] nya
 }
report-change-removed = Borttagen
report-change-removed-counted = { $count ->
    [one] borttagen
   *[other] borttagna
 }
report-change-follows-up = Uppföljning
report-change-follows-up-counted = { $count ->
    [one] uppföljning
   *[other] uppföljningar
 }
report-text-changed-note = varav { $n } med ändrad text
report-remains = Kvarstår
report-remains-from = Kvarstår (från { $id })
report-remains-reworded = Kvarstår (från { $id }, med omformulerad text)
report-earlier-match = (tidigare { $id }, med omformulerad text)
report-follows-detail = rekommendation { $number } från { $year }
report-history-follow-up = uppföljning { $id }
report-due-by = klart senast { $due }
report-history-recommendation = rekommendation
report-history-priority = , prioritet { $priority }
report-history-decision = , beslut { $decision }
report-owner-due = Ansvarig: { $owner }, klart senast { $due }
report-owner-only = Ansvarig: { $owner }
report-due-only = Klart senast { $due }
report-not-followed-up-heading = Rekommendationer från { $year } som inte följs upp

## Jämförelsen av två år (ledgen diff)

report-diff-heading = Ledningens genomgång { $old } → { $new }
report-diff-title = Förändringar { $old } → { $new }
report-diff-overview = Översikt
report-diff-row = Rad
report-diff-id = Id
report-diff-earlier-recommendations = Rekommendationer från { $old }
report-diff-recommendations = Rekommendationer { $new }
report-diff-follow-up-column = Uppföljning { $new }
report-diff-compared-column = Jämfört med { $old }
report-diff-followed-up-in = följs upp i
report-diff-not-followed-up = följs inte upp
report-diff-followed-up-count = Rekommendationer från { $old }: { $followed } av { $total } följs upp

## Sammanfattningen av förändringarna

report-changes-rows = { $n ->
    [0] inga rader
    [1] en rad
   *[other] { $count } rader
 }
report-changes-status-none = Jämfört med ledningens genomgång { $year } har ingen rad fått förbättrad eller försämrad status.
report-changes-status = Jämfört med ledningens genomgång { $year } har { $improved } fått förbättrad status och { $regressed } försämrad status.
report-changes-besides = { $followed_up ->
    [0] {""}
   *[other] {" "}utöver uppföljningarna
 }
report-changes-rows-none = Inga rader har tillkommit{ $besides } eller tagits bort.
report-changes-rows-changed = Sedan dess har { $added }{ $besides } tillkommit och { $removed } tagits bort.
report-changes-only-followed = Den enda rekommendationen från { $year } följs upp i årets genomgång.
report-changes-only-not-followed = Den enda rekommendationen från { $year } följs inte upp i årets genomgång.
report-changes-all-followed = Alla { $total } rekommendationer från { $year } följs upp i årets genomgång.
report-changes-none-followed = Ingen av de { $total } rekommendationerna från { $year } följs upp i årets genomgång.
report-changes-some-followed = Av de { $total } rekommendationerna från { $year } följs { $followed } upp i årets genomgång.

## Incidenter

report-incidents-none = Inga incidenter har registrerats.
report-incident-one = En incident{ $confidential ->
    [0] {""}
   *[other] , som omfattas av sekretess,
 } har registrerats. { $personal ->
    [0] { $imy ->
        [0] Den rörde inte personuppgifter.
       *[other] Den rörde inte personuppgifter men anmäldes till IMY.
    }
   *[other] { $imy ->
        [0] Den rörde personuppgifter men anmäldes inte till IMY.
       *[other] Den rörde personuppgifter och anmäldes till IMY.
    }
 }
# Upp till tolv incidenter: antalet med bokstäver först i meningen (en mening börjar aldrig med en siffra).
report-incidents-few = { $count } incidenter har registrerats
report-incidents-many = Totalt har { $total } incidenter registrerats
report-incidents-all-confidential = , samtliga omfattas av sekretess
report-incidents-some-confidential = , varav { $count } omfattas av sekretess
report-incidents-no-personal = Ingen av dem rörde personuppgifter eller anmäldes till IMY.
report-incidents-personal = Av dem rörde { $personal } personuppgifter och { $imy } anmäldes till IMY.
report-incidents-sentence = { $first }{ $confidential }. { $rest }

## Den offentliga utgåvan: det som utelämnas

report-withheld-part = Ett avsnitt här
report-withheld-section = Uppgifterna i detta avsnitt
report-withheld-table = Tabellens uppgifter
report-withheld-recommendations = Rekommendationerna här
report-withheld-by = enligt { $provision }
report-withheld-by-osl = enligt offentlighets- och sekretesslagen
report-withheld-sentence = { $what } omfattas av sekretess { $law } och redovisas inte i den här versionen.
report-confidential-the-row = Raden omfattas av sekretess
report-confidential-of-rows = Av de { $total } raderna omfattas { $count } av sekretess
report-confidential-public = { $count ->
    [one] ; den räknas med här men redovisas inte i den här versionen
   *[other] ; de räknas med här men redovisas inte i den här versionen
 }
report-confidential-marked = { $count ->
    [one] {" "}och är markerad Intern
   *[other] {" "}och är markerade Intern
 }
report-confidential-sentence = { $counted }{ $shown }.
report-classification = Innehåller uppgifter som omfattas av sekretess enligt { $grounds }
report-classification-and-internal = Innehåller uppgifter som omfattas av sekretess enligt { $grounds } samt interna uppgifter
report-classification-internal = Innehåller interna uppgifter
report-masked = {"["}maskerad uppgift]
report-masked-by = {"["}uppgift maskerad enligt { $provision }]
report-masked-note = maskeras
report-masked-note-by = maskeras enligt { $provision }
report-withheld-note = { $n ->
    [0] Antalen inkluderar inga uppgifter som omfattas av sekretess.
    [1] Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas i denna version.
   *[other] Antalen inkluderar även { $count } uppgifter som omfattas av sekretess och inte redovisas i denna version.
 }

## Fastställandet

report-approval-approved = Fastställd
report-approval-by = {" "}av { $by }
report-approval-on-day = {" "}den { $on }
report-approval-in-month = {" "}i { $on }
report-approval-number-first = Diarienummer { $number }
report-approval-number = , diarienummer { $number }

## Presentationen för ledningens möte (src/view/slides.rs, templates/slides.typ.tera). Rubrikerna
## följer MSB:s dagordning för ledningens genomgång.

report-slides-agenda = Dagordning
report-slides-attendees = Närvarande
report-slides-introduction = Inledning
report-slides-follow-up = Uppföljning
report-slides-inputs = Underlag
report-slides-discussion = Diskussion
report-slides-decisions = Beslut
report-slides-next-steps = Nästa steg
report-slides-meeting = Möte
report-slides-no-attendees = Närvarande antecknas vid mötet.
report-slides-scope = Genomgången omfattar
report-slides-review-inputs = Det ledningen ska beakta
report-slides-review-inputs-source = ISO/IEC 27001:2022, 9.3.2, och var rapporten tar upp det
# ISO/IEC 27001:2022 9.3.2 a–g i några ord, för en bild.
report-slides-input-a = Åtgärder från tidigare genomgångar
report-slides-input-b = Förändringar i externa och interna frågor
report-slides-input-c = Intressenters behov och förväntningar
report-slides-input-d = Avvikelser, mätning, revisioner och mål
report-slides-input-e = Återkoppling från intressenter
report-slides-input-f = Riskbedömning och riskbehandling
report-slides-input-g = Möjligheter till ständig förbättring
report-slides-follow-up-heading = Rekommendationerna från { $year }
report-slides-proposal = Förslag
report-slides-status-now = Status nu
report-slides-to-decide = Att besluta
report-slides-no-open-items = Inga punkter är röda eller gula.
report-slides-open-items = Röda och gula punkter
report-slides-more-open-items = { $count ->
    [one] Ytterligare en öppen punkt redovisas i rapportens statustabeller.
   *[other] Ytterligare { $count } öppna punkter redovisas i rapportens statustabeller.
}
report-slides-slide = Bild
report-slides-compliance = Överensstämmelse med krav
report-slides-scope-year = Informationssäkerhetsarbetet under { $year }
report-slides-scope-counts = { $sections } avsnitt med { $rows ->
    [one] en bedömd punkt
   *[other] { $rows } bedömda punkter
} och { $recommendations ->
    [0] inga rekommendationer
    [one] en rekommendation
   *[other] { $recommendations } rekommendationer
}
report-slides-no-earlier-review = Det finns ingen tidigare genomgång att följa upp.
report-slides-no-earlier-recommendations = Genomgången { $year } gav inga rekommendationer att följa upp.
report-slides-followed-up-in = Följs upp i avsnitt { $section }
report-slides-remains-as = Kvarstår som rekommendation { $number }
report-slides-not-followed-up = Inte uppföljd
report-slides-next-approve = Ledningens beslut förs in i rapporten, som sedan fastställs.
report-slides-next-follow-up = De beslutade åtgärderna följs upp under året och redovisas i nästa genomgång.
report-slides-next-review-on = Nästa genomgång: { $on }.
report-slides-next-review = Nästa genomgång hålls { $year }.
report-slides-more-in-section = Hela texten i avsnitt { $section }.
report-slides-rows-per-status = { $count } bedömda punkter: { $statuses }.

## ledgen import (src/commands/import.rs, src/import/)
import-encrypted-or-doc = filen är lösenordsskyddad eller ett äldre Word-dokument (.doc): öppna den i Word, ta bort lösenordet (Arkiv > Information > Skydda dokument) och spara den som Word-dokument (.docx)
import-not-docx = filen är inte ett Word-dokument (.docx)
import-corrupt = Word-dokumentet är skadat och går inte att läsa ({ $error })
import-too-large = Word-dokumentets del `{ $part }` packas upp till mer än { $limit } MiB: den läses inte
import-no-headings = dokumentet har inga rubriker: ge avsnittens rubriker Words rubrikformat (Rubrik 1, Rubrik 2) och importera det igen
import-no-year = dokumentet nämner inget år i sin titel eller sitt datum: ange det med `--year`
import-place-title-page = titelsidan
import-no-date = inget datum hittades: `date:` i report.yaml är satt till årets sista dag
import-no-organisation = inget organisationsnamn hittades: `organisation:` i report.yaml säger "Att granska:"
import-place-section = avsnittet "{ $title }"
import-generated-section = ledgen skriver det här avsnittet själv; det importerades inte
import-decisions-read = mötet, de närvarande och besluten lästes in i report.yaml och rekommendationerna; ledgen skriver det här avsnittet själv
import-image-format = bilden `{ $name }` har ett format som en rapport inte kan visa (PNG, JPEG, GIF eller SVG): den importerades inte
import-image-too-large = bilden `{ $name }` är större än 5 MiB: den importerades inte
import-image-no-alt = bilden `{ $name }` saknar alternativtext i Word: skriv vad den visar där det står "Att granska:"
import-table-unclassified = en tabell med kolumnerna { $columns } har ingen statuskolumn: den står som en Markdown-tabell i texten
import-column = Kolumn { $number }
import-place-row = { $section }, raden "{ $row }"
import-status-disagrees = statusordet säger { $word } men cellens färg { $fill }: ordet gäller
import-no-status = ingen status hittades (inget statusord, ingen symbol eller färg): satt till `ej bedömd` och markerad "Att granska:"
import-unknown-priority = rekommendationen `{ $id }`: prioriteten "{ $priority }" är varken hög, medel eller låg; den utelämnades
import-recommendation-without-text = en rubrik "Rekommendation" utan text: utelämnad
import-file-too-large = `{ $path }` är större än { $limit } MiB: den läses inte
import-failed = kan inte importera `{ $path }`: { $reason }
import-year-exists = `{ $path }` finns redan; ledgen import skriver aldrig över ett år
import-year-exists-hint = ange ett annat år med `--year`, en annan innehållsmapp med `--content`, eller flytta årsmappen först
import-fails-check = det importerade året klarar inte `ledgen check`; `{ $path }` skapades inte
import-done = Importerade `{ $file }` till `{ $path }`: { $sections ->
    [one] { $sections } avsnitt
   *[other] { $sections } avsnitt
}, { $rows ->
    [one] { $rows } statusrad
   *[other] { $rows } statusrader
}, { $recommendations ->
    [one] { $recommendations } rekommendation
   *[other] { $recommendations } rekommendationer
}, { $images ->
    [one] { $images } bild
   *[other] { $images } bilder
}.
import-to-check = { $count ->
    [one] { $count } sak att granska:
   *[other] { $count } saker att granska:
}
import-next = Sedan: `ledgen check { $year }{ $content }` listar det som fortfarande säger "Att granska:", och `ledgen build { $year }{ $content }` skapar PDF:en och webbsidan.
cli-ledgen-import = Läs in en tidigare genomgång skriven i Word (.docx) till en årsmapp.
cli-ledgen-import--file = Word-dokumentet (.docx) som ska läsas.
cli-ledgen-import--content = Innehållsmappen som årsmappen skrivs till.
cli-ledgen-import--year = Genomgångens år (standard: året som dokumentets titel eller datum nämner).
