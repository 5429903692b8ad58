# ledgen's messages in English. Each message has a key that is the same in every language
# (locales/sv.ftl holds the Swedish); a variable such as { $path } is filled in by the program.
# Syntax: https://projectfluent.org/fluent/guide/

## How a diagnostic is laid out

severity-error = error
severity-warning = warning
note-hint = hint
note-note = note
content-errors = { $count ->
    [one] the content has { $count } error
   *[other] the content has { $count } errors
}
error-caused-by = caused by

## Started by a double-click (src/main.rs)

main-previewing = Showing the management review in `{ $folder }` in the browser; the page is updated when you save.
    Close the window to stop.
