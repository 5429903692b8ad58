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
