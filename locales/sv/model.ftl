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
