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
cmd-failed-create-folder-in = failed to create a folder in `{ $path }`
cmd-failed-write = failed to write `{ $path }`
new-scaffold-fails-check = the scaffold does not pass `ledgen check`; `{ $path }` was not created
cmd-failed-create = failed to create `{ $path }`
cmd-failed-read = failed to read `{ $path }`
cmd-failed-copy = failed to copy `{ $path }`
new-not-copied = `{ $path }` is not a file or a folder (a named pipe or a device?); it is not copied

## ledgen init (src/commands/init.rs)

init-organisation-empty = `--organisation` is empty: give the organisation's name, e.g. --organisation "Exempelkommun"
init-year-out-of-range = the year must be from 1900 to 9999, not { $year }
init-folder-not-empty = `{ $path }` already exists and is not empty; ledgen init only writes into a new or empty folder
init-folder-not-empty-hint = pick another folder name, e.g. `ledgen init ledningens-genomgang --organisation "{ $organisation }"`
init-created = Created a first review for { $year } in `{ $path }`:
init-created-year = the review: report.yaml and one file per section
init-created-schema = lets your editor check the files as you type
init-created-brand = your organisation's name, logo, colours and fonts
init-next-steps = Next steps:
init-step-editor = 1. Open the folder `{ $path }` in an editor that understands YAML, e.g. Visual Studio Code with the "YAML" extension by Red Hat. It marks mistakes as you type.
init-step-fill-in = 2. Replace every text that starts with "Att fylla i:" with your own. `ledgen check{ $content }` lists those left, with file and line.
init-step-build = 3. `ledgen build{ $content }` makes the PDF and the web page, in `output/{ $year }/`.
init-step-public = 4. `ledgen build{ $content } --public` makes the edition without what is marked `intern: true`, for publishing.
init-next-year = Next year, `ledgen new { $year }{ $content }` starts the new review from this one.

## ledgen history (src/commands/history.rs)

history-cmd-heading = { $id } in `{ $folder }`
history-cmd-does-not-load = (the report does not load; run `ledgen check { $year }`)
history-cmd-withheld = { $count ->
    [one] ({ $count } confidential entry left out)
   *[other] ({ $count } confidential entries left out)
}

## ledgen diff (src/commands/diff.rs)

diff-not-older = the first report ({ $old }) is not older than the second ({ $new })
diff-regressed = { $count } row(s) regressed since { $year }
diff-wrote = Wrote { $path }
cmd-failed-stdout = failed to write to standard output
diff-no-report-yaml = the folder `{ $path }` has no `report.yaml`
diff-no-year = no report for { $year } under `{ $folder }`
diff-no-year-but = no report for { $year } under `{ $folder }`: the years there are { $years }
diff-neither = `{ $arg }` is neither a year under `{ $folder }` nor a report folder with a `report.yaml`

## ledgen export actions (src/commands/export.rs)

export-wrote = Wrote { $path }: { $what }
export-xlsx-to-terminal = an XLSX file cannot go to the terminal; give `--out FILE.xlsx`
export-no-deadlines = no item of the { $year } action plan has a deadline, so the calendar holds no events
export-items = { $recommendations ->
    [one] { $recommendations } recommendation
   *[other] { $recommendations } recommendations
}, { $status ->
    [one] { $status } open status row
   *[other] { $status } open status rows
}
export-calendar = { $count ->
    [one] { $count } calendar event
   *[other] { $count } calendar events
} of the { $year } action plan ({ $items })
export-undated = { $count ->
    [one] ; { $count } item without a deadline is not in it
   *[other] ; { $count } items without a deadline are not in it
}
export-table = the { $year } action plan ({ $items })

## ledgen build --all (src/commands/all.rs)

all-building-public = Building the public edition of { $reports } reports from { $folders } content folder(s) on { $threads } threads
all-building-internal = Building the internal edition of { $reports } reports from { $folders } content folder(s) on { $threads } threads
all-drafts-left-out = { $count ->
    [one] ; left out { $count } draft (build it with --drafts)
   *[other] ; left out { $count } drafts (build them with --drafts)
}
all-built = Built { $built } of { $total } reports in { $seconds } s{ $skipped }; index: { $index }
all-report-failed = { $name } failed:
all-failed = { $failed } of { $total } reports failed
all-removed-internal = Removed { $count } file(s) of the internal edition from `{ $folder }`, so that it holds only the public edition:
all-removed-public = Removed { $count } file(s) of the public edition from `{ $folder }`, so that it holds only the internal edition:
all-state-built = built
all-state-failed = FAILED
all-progress-brand = (brand: `{ $path }`)
all-progress-brand-none = (brand: none)

## Shared by the commands (src/commands/mod.rs and others)

cmd-several-content-folders = several `--content` folders can only be built together, with `build --all`
cmd-not-a-year-folder = `{ $path }` is not read: a year folder is named by exactly four digits, e.g. `2023`

## ledgen schema (src/commands/schema.rs)

schema-cmd-wrote = Wrote { $path }
schema-cmd-point-content = Point content files at them with a first line such as
schema-cmd-point-brand = and a `_brand.yml` beside the year folders with
