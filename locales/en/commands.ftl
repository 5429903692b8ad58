## commands

## ledgen build (src/commands/build.rs)

build-building = Building { $year } from `{ $folder }`
build-wrote = Wrote { $path } ({ $size })
build-wrote-pages = Wrote { $path } ({ $size }, { $count } pages)
build-finished = Finished in { $seconds } s
build-brand = Brand: `{ $path }`
build-brand-none = Brand: none (no `_brand.yml` in the report folder, the content folder or the folder above it)
build-public-nothing-left-out = Public edition: no item is marked `intern`; no item is left out
build-public-leaves-out = { $count ->
    [one] Public edition leaves out { $count } item:
   *[other] Public edition leaves out { $count } items:
}
build-public-emptied-part = every item of the { $kind } "{ $title }" is confidential: the public edition leaves it out, heading and all, and says in one sentence that it is withheld
build-public-emptied-section = every item of the { $kind } "{ $title }" is confidential: the public edition keeps its heading and says in one sentence that it is withheld
build-public-emptied-block = every item of the { $kind } under "{ $title }" is confidential: the public edition says in its place in one sentence that it is withheld
build-public-block-left-out = a { $kind } is internal and left out of the public edition ({ $label })
build-public-masks = { $count ->
    [one] Public edition masks { $count } phrase:
   *[other] Public edition masks { $count } phrases:
}
build-public-masked-phrase = phrase "{ $phrase }" { $provision }

## ledgen check (src/commands/check.rs)

check-ok = { $path }: ok ({ $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $rows ->
    [one] { $rows } status row
   *[other] { $rows } status rows
}, { $recommendations ->
    [one] { $recommendations } recommendation
   *[other] { $recommendations } recommendations
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
})
check-coverage-heading = ISO/IEC 27001:2022 9.3.2 inputs to the review:
check-coverage-covered = covered
check-coverage-empty = empty
check-coverage-missing = missing
check-coverage-in = in: { $sections }
check-coverage-claimed-only = { $count ->
    [one] claimed by { $sections } (its kind or `covers:`), but nothing is written there yet, only placeholder texts or empty tables: write what the review found
   *[other] claimed by { $sections } (their kinds or `covers:`), but nothing is written there yet, only placeholder texts or empty tables: write what the review found
}
check-coverage-none = no section addresses it (list `{ $letter }` under a section's `covers:`)
