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
cli-heading-commands = Kommandon
cli-heading-options = Flaggor
cli-heading-arguments = Argument
cli-help = Visa hjälpen
cli-version = Visa versionen
cli-default = standard
cli-possible-values = möjliga värden

cli-ledgen = Gör ledningens årliga genomgång av informationssäkerheten till en arkivbeständig PDF och en tillgänglig webbsida, från YAML och Markdown.
cli-ledgen--lang = Språket i ledgens meddelanden (standard: systemets; engelska om det inte är svenska).
cli-ledgen-build = Bygg ett års rapport som PDF och webbsida.
cli-ledgen-build--year = Året (standard: det senaste året i innehållsmappen).
cli-ledgen-build--content = Innehållsmappen, med en mapp per år (med `build --all`: en per rapport).
cli-ledgen-build--out = Mappen för resultatet; filerna hamnar i `<DIR>/<år>/`.
cli-ledgen-build--format = Vilka filer som ska skrivas, åtskilda med kommatecken.
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
cli-ledgen-serve--out = Mappen för resultatet; varje lyckad byggning skrivs också till `<DIR>/<år>/`.
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
cli-ledgen-export-actions--out = Skriv till den här filen i stället för till terminalen (krävs för xlsx).
cli-ledgen-export-actions--public = Utelämna sekretessbelagda uppgifter (markerade `intern` eller `sekretess`, eller i ett sådant block).
cli-ledgen-summary = Skriv nyckeltalen från översikten i `build --all` (per organisation och år) för andra verktyg.
cli-ledgen-summary--content = Innehållsmapparna, en per förvaltning eller bolag.
cli-ledgen-summary--format = Format.
cli-ledgen-summary--out = Skriv till den här filen i stället för till terminalen.
cli-ledgen-summary--internal = Räkna med sekretessbelagda uppgifter och visa deras id (standard: den offentliga utgåvan).
cli-ledgen-summary--drafts = Räkna också rapporter markerade `draft: true` (utelämnas annars, som i `build --all`).
