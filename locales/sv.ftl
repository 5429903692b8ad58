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
