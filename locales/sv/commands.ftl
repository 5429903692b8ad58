## commands

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
build-public-emptied-part = allt i { $kind } "{ $title }" är sekretessmarkerat: den publika utgåvan utelämnar den, rubrik och allt, och säger i en mening att innehållet är undanhållet
build-public-emptied-section = allt i { $kind } "{ $title }" är sekretessmarkerat: den publika utgåvan behåller rubriken och säger i en mening att innehållet är undanhållet
build-public-emptied-block = allt i { $kind } under "{ $title }" är sekretessmarkerat: den publika utgåvan säger i dess ställe i en mening att innehållet är undanhållet
build-public-block-left-out = en { $kind } är intern och utelämnas ur den publika utgåvan ({ $label })
build-public-masks = { $count ->
    [one] Den publika utgåvan maskerar { $count } fras:
   *[other] Den publika utgåvan maskerar { $count } fraser:
}
build-public-masked-phrase = fras "{ $phrase }" { $provision }

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
new-no-earlier-review-hint = för din första genomgång, kör `ledgen init FOLDER --organisation NAME`: det skapar ett år att fylla i; om dina genomgångar ligger i en annan mapp, ange den med `--content FOLDER`
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
export-xlsx-to-terminal = en XLSX-fil kan inte visas i terminalen; ange `--out FILE.xlsx`
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
