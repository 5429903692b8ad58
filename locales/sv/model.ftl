## model

## error.rs
build-error-typst = PDF-filen kunde inte kompileras (Typst-källan sparades i `{ $path }`)
build-error-timed-out =
    kompileringen av `{ $path }` tog längre tid än { $seconds } s och stoppades
    tips: en egen mall kan fastna i en oändlig loop; om rapporten bara är stor kan du ge mer tid med `--timeout SECONDS`
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
