## The report's own words (headings, labels, status words and the sentences ledgen writes) are
## in the files of the languages a report can be written in: today Swedish (locales/sv.ftl).
