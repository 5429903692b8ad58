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

## ledgen new (src/commands/new.rs)

new-year-exists = `{ $path }` already exists; ledgen new never overwrites a year
new-created = Created `{ $path }` from { $from }: { $files } files, { $rows ->
    [one] { $rows } status row
   *[other] { $rows } status rows
}, { $followed }
new-to-follow-up = { $count ->
    [one] { $count } recommendation to follow up
   *[other] { $count } recommendations to follow up
}
new-tabled = { $count ->
    [one] , { $count } tabled one back among the recommendations to decide again
   *[other] , { $count } tabled ones back among the recommendations to decide again
}
new-rejected = { $count ->
    [one] , { $count } rejected one recorded as such
   *[other] , { $count } rejected ones recorded as such
}
new-review-marks = { $count ->
    [one] { $count } text carried over from { $from } is marked "Att granska" for review
   *[other] { $count } texts carried over from { $from } are marked "Att granska" for review
}
new-next = The new year is a draft (`draft: true` in report.yaml) until the management adopts it.
    Next: edit the files, then `ledgen check { $year }{ $content }` and `ledgen build { $year }{ $content }`
new-from-not-earlier = cannot scaffold { $year } from { $from }: `--from` must be an earlier year (ledgen new carries a year forward only)
new-from-missing = no report for { $from } under `{ $folder }` to start from
new-no-earlier-review = there is no earlier review under `{ $folder }` to start { $year } from
new-no-earlier-review-hint = for your first review, run `ledgen init FOLDER --organisation NAME`: it makes a year to fill in; if your reviews are in another folder, name it with `--content FOLDER`
new-no-year-before = no year before { $year } under `{ $folder }` to start from: ledgen new carries an earlier year forward (the earliest there is { $earliest })
new-failed-create-folder-in = failed to create a folder in `{ $path }`
new-failed-write = failed to write `{ $path }`
new-scaffold-fails-check = the scaffold does not pass `ledgen check`; `{ $path }` was not created
new-failed-create = failed to create `{ $path }`
new-failed-read = failed to read `{ $path }`
new-failed-copy = failed to copy `{ $path }`
new-not-copied = `{ $path }` is not a file or a folder (a named pipe or a device?); it is not copied
