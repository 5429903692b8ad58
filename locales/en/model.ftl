## model

## error.rs
build-error-typst = failed to compile the PDF (Typst source written to `{ $path }`)
build-error-timed-out =
    compiling `{ $path }` took longer than { $seconds } s and was stopped
    hint: a template override may loop forever; if the report is just large, allow more time with `--timeout SECONDS`
build-error-internal = internal error while compiling `{ $path }`: { $message }; please report it
build-error-public-hidden = the public edition does not show the content's text; build the internal edition (without `--public`) to see the line

## model/register.rs
register-sheet-without-from = an `incidents` block has `sheet` or `columns` but no `from`
register-sheet-without-from-hint = name the register export with `from:`, e.g. `from: incidenter.xlsx`
register-records-and-from = an `incidents` block has either `records` or `from`, not both
register-records-and-from-hint = add the incidents to the register, or list them all here
register-outside = register `{ $name }` is outside the report folder
register-outside-hint = put the export in the report folder and give its name, e.g. `incidenter.xlsx`
register-wrong-extension = register `{ $name }` is neither a `.csv` nor an `.xlsx` file
register-wrong-extension-hint = export the register as CSV (UTF-8) or as an Excel workbook
register-sheet-for-csv = `sheet:` names a worksheet, but `{ $name }` is a CSV file
register-sheet-for-csv-hint = leave `sheet:` out for a CSV file
register-cannot-read = cannot read `{ $name }`: { $error }
register-not-found = register `{ $name }` not found in the report folder
register-link-outside = register `{ $name }` is a link to `{ $target }`, outside the report folder
register-not-a-file = register `{ $name }` is not a regular file
register-too-large = register `{ $name }` is { $size } KiB, more than the { $limit } KiB a content file may be
register-utf16 = the file is UTF-16 text, not UTF-8; export it as "CSV UTF-8"
register-row-not-utf8 = row { $row } is not UTF-8 text; export the register as "CSV UTF-8"
register-csv-unreadable = cannot read the CSV file: { $error }
register-too-many-rows = more than { $limit } rows
register-csv-empty = the file is empty; expected a row of column headings
register-no-such-sheet = no worksheet named "{ $sheet }"; the workbook has { $sheets }
register-no-such-sheet-near = ; did you mean "{ $near }"?
register-no-sheet = the workbook has no worksheet
register-sheet-unreadable = cannot read the worksheet "{ $sheet }": { $error }
register-too-many-cells = the worksheet "{ $sheet }" has more than { $limit } cells with a value
register-sheet-empty = the worksheet is empty; expected a row of column headings
register-column-near = did you mean "{ $near }"? Name it under `columns:`
register-column-name-it = name the register's own heading under `columns:`
register-no-column = no column headed "{ $heading }"; the headings are { $headings }
register-no-date = no date
register-invalid-date = invalid date "{ $date }"
register-invalid-date-hint = write the date as YYYY-MM-DD, or use an Excel date
register-no-category = no category
register-category-near = did you mean "{ $near }"?
register-categories-are = the categories are { $categories }; list your own under `categories:`
register-unknown-category = unknown category "{ $category }"; { $hint }
register-no-description = no description
register-not-yes-no = "{ $value }" is neither yes nor no
register-not-yes-no-hint = write ja or nej (or x for yes, blank for no)

## model/workbook.rs
workbook-unreadable = cannot read the workbook (is it an Excel .xlsx file?): { $error }
workbook-part = part { $index }
workbook-too-large = the workbook unpacks to more than the { $limit } MiB a register may be
workbook-too-many-strings = the workbook's shared strings (`{ $part }`) { $what }; a register may have at most { $limit } strings
workbook-strings-stated = state { $key }="{ $stated }"
workbook-strings-held = hold more than { $limit } strings
workbook-reaches-cell = the worksheet "{ $sheet }" reaches cell { $cell }; { $limits }
workbook-spans = the worksheet "{ $sheet }" states that it spans { $start }:{ $end }; { $limits }
workbook-limits = a register may have at most { $columns } columns (A to { $last }) and { $rows } rows

## model/brand/resolve.rs
brand-white = white
brand-the-background = the background { $colour }
brand-low-contrast = `color.{ $key }` { $colour } has a contrast of { $ratio }:1 against { $ground }; text needs at least { $minimum }:1
brand-low-contrast-hint = ledgen writes headings, links and white title text in `color.{ $key }`; choose a darker shade (WCAG 2.1 AA)
brand-palette-not-hex = `color.palette.{ $name }` `{ $value }` is not a hex colour such as `#1d4f91`
brand-colour-not-hex = `color.{ $key }` `{ $value }` is not a hex colour such as `#1d4f91`
brand-colour-unknown = `color.{ $key }` `{ $value }` is neither a hex colour nor a name in `palette`
brand-did-you-mean = did you mean `{ $name }`?
brand-colour-hint = write the colour as `#rrggbb`; ledgen measures its contrast, so CSS colour names and functions are not accepted
brand-logo-no-alt = the logo has no alternative text
brand-logo-no-alt-hint = write `logo: {"{"}path: { $path }, alt: "…"{"}"}`, with `alt` saying what the logo shows, e.g. "Exempelkommuns logotyp"
brand-alt-without-path = `logo.alt` without `logo.path`
brand-logo-no-path = the `{ $size }` logo has no `path`
brand-sized-logo-no-alt = the `{ $size }` logo has no alternative text
brand-sized-logo-no-alt-hint = write `{ $size }: {"{"}path: { $path }, alt: "…"{"}"}`, with `alt` saying what the logo shows, e.g. "Exempelkommuns logotyp"; the web page needs it
brand-logo-format = the logo `{ $path }` is not a PNG, JPEG or SVG file
brand-logo-format-hint = save the logo as .svg (best), .png or .jpg
brand-logo-invalid = the logo `{ $path }` is not a valid { $format } file
brand-logo-too-large = the logo `{ $path }` is { $size } megapixels, more than the { $limit } a logo may be
brand-logo-too-large-hint = save the logo at the size it is shown, or as .svg
brand-folder-unreadable = cannot read the folder of `{ $path }`
brand-asset-outside = `{ $path }` is outside the folder of the brand file
brand-asset-outside-hint = keep the logo and font files in the brand file's folder
brand-not-a-file = `{ $path }` is not a regular file
brand-asset-too-large = `{ $path }` is larger than the { $limit } MiB a logo or font file may be
brand-cannot-read = cannot read `{ $path }`: { $error }
brand-family-name = font family `{ $family }` may hold only letters, digits, spaces and `-`
brand-font-no-files = the font `{ $family }` has `source: file` but no `files`
brand-font-style = font style `{ $style }` is neither `normal` nor `italic`
brand-family-unknown = `typography.{ $key }` uses the font `{ $family }`, but no `fonts` entry gives its files
brand-family-not-embedded = `source: { $source }` fonts are not embedded; download the font files (.ttf or .otf), put them beside the brand file and list them with `source: file`
brand-family-add = add `- {"{"}family: { $family }, source: file, files: [{"{"}path: fonts/….ttf, weight: 400{"}"}]{"}"}` under `typography.fonts`
brand-font-format = the font `{ $path }` is not a .ttf or .otf file
brand-font-format-hint = the PDF embeds TrueType (.ttf) or OpenType (.otf) fonts; web fonts (.woff, .woff2) cannot be embedded
brand-font-invalid = `{ $path }` is not a valid font file
