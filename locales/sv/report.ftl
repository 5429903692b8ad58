## Rapportens egna ord: rubriker, etiketter och kolumnrubriker. De är rapportens språk, inte
## programmets: en rapport på svenska har dem på svenska vilket språk ledgen än talar.

report-contents = Innehåll
report-page = Sida
report-of = av
report-legend = Statusförklaring
report-legend-intro = Varje rad har en status som visas med färg, symbol och ord:
report-date = Datum
report-author = Författare
report-description = Beskrivning
report-recommendation = Rekommendation
report-how = Hur
report-who = Vem
report-priority = Prioritet
report-abbreviations = Förkortningar
report-abbreviation = Förkortning
report-meaning = Betydelse
report-revision-history = Revisionshistorik
report-appendix = Bilaga
report-appendix-placeholder = Bilagan ingår inte i detta underlag.
report-status = Status
report-skip-to-content = Hoppa till innehållet
report-compiled-by = Sammanställd av
report-contents-nav = Innehållsförteckning
report-back-to-top = Till innehållsförteckningen
report-changes-heading = Förändringar sedan föregående år
report-change = Förändring
report-intern = Intern
report-public-edition = Publik version
report-public-edition-note = Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) har utelämnats i denna version.
report-internal-edition = Intern version
report-internal-edition-note = Innehåller uppgifter som kan omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL). Ska inte publiceras.
report-followed-up-withheld = Följs upp (uppgifterna omfattas av sekretess och redovisas inte här)
report-draft-watermark = UTKAST
report-draft-banner = Utkast – inte fastställd
report-draft-note = Rapporten är ett utkast och har ännu inte fastställts av ledningen.
report-note = Om dokumentet
report-count = Antal
report-regressions = Försämrad status
report-status-overview = Statusöversikt
report-status-overview-caption = Bedömda rader per status och avsnitt
report-section = Avsnitt
report-total = Totalt
report-chart = Diagram
report-incidents-per-category = Incidenter per kategori
report-incidents-per-month = Incidenter per månad
report-category = Kategori
report-month = Månad
report-incident-list = Incidenter
report-consequence = Konsekvens
report-actions = Åtgärder
report-personal-data = Personuppgifter
report-reported-to-imy = Anmäld till IMY
report-yes = Ja
report-no = Nej
report-no-incidents = Inga incidenter har registrerats.
report-text-before = Före
report-text-after = Nu
report-status-text-field = Statustext
report-words-deleted = borttaget:
report-words-inserted = tillagt:
report-confidential-count = Omfattas av sekretess
report-requirement = Krav
report-current-state = Nuläge
report-comment = Kommentar
report-proposed-action = Förslag på åtgärd
report-gap-caption = Krav i ISO/IEC 27001:2022 per status och huvudavsnitt
report-gap-details = Bedömning per krav
report-coverage = Underlag enligt ISO/IEC 27001:2022 9.3.2
report-review-input = Underlag
report-addressed-in = Behandlas i
report-not-addressed = Behandlas inte
report-export-kind = Typ
report-export-year = År
report-export-number = Nr
report-export-id = Id
report-export-text = Text
report-export-status-text = Statustext
report-export-decision = Beslut
report-export-owner = Ägare
report-export-due = Klart senast
report-export-confidential = Sekretess
report-export-status-row = Statusrad
report-export-sheet = Åtgärdsplan
report-decisions-heading = Beslut
report-decision = Beslut
report-owner = Ansvarig
report-due = Klart senast
report-no-decision = Beslut saknas
report-attendees = Närvarande
report-meeting-date = Mötesdatum
report-name = Namn
report-role = Roll
report-approval = Fastställande
report-approved-by = Fastställd av
report-approved-on = Fastställd
report-registration-number = Diarienummer
report-registration-number-short = Dnr
report-signature = Underskrift
report-overview-status-caption = Bedömda rader per status och år
report-overview-figures = Nyckeltal per år
report-overview-year = År
report-overview-statuses = Grön / gul / röd / ej bedömd
report-overview-improved = Förbättrade
report-overview-worsened = Försämrade
report-overview-open-high = Öppna rekommendationer, hög prioritet
report-overview-overdue = Försenade uppföljningar
report-overview-incidents = Incidenter
report-overview-shared = Gemensamma rader
report-overview-shared-intro = Rader som finns hos flera organisationer, med status från respektive organisations senaste genomgång.
report-overview-missing = Saknas
report-overview-failed = Kunde inte läsas

## Månader, datum och tal i löpande text

report-month-name = { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
 }
# Ett datum i löpande text: "26 september 2024", eller "september 2024" när dagen inte är känd.
report-date-in-prose = { $day } { $month } { $year }
report-month-in-prose = { $month } { $year }
# Ett antal i löpande text (för ett ord med n-genus: "en rad", "en incident"): med bokstäver
# upp till tolv; $zero är vad som skrivs för noll ("inga", "ingen").
report-number-in-words = { $n ->
    [0] { $zero }
    [1] en
    [2] två
    [3] tre
    [4] fyra
    [5] fem
    [6] sex
    [7] sju
    [8] åtta
    [9] nio
    [10] tio
    [11] elva
    [12] tolv
   *[other] { $n }
 }
report-none-singular = ingen
# Yrkesroller som skrivs med liten bokstav mitt i en mening ("förvaltningsdirektör Kim Ek"):
# ordslut, åtskilda av mellanslag.
report-role-endings = direktör chef ordförande samordnare ombud ansvarig sekreterare
# En uppräkning: "a och b", "a, b och c".
report-list-separator = ,{" "}
report-list-last = { $rest } och { $last }

## Statusord, beslut och prioriteter

report-status-green = Grön
report-status-yellow = Gul
report-status-red = Röd
report-status-not-assessed = Ej bedömd
# Statusorden mitt i en mening, som i "gul → grön".
report-status-inline-green = grön
report-status-inline-yellow = gul
report-status-inline-red = röd
report-status-inline-not-assessed = ej bedömd
report-status-change = { $old } → { $new }
report-legend-green = Aktiviteten är genomförd och/eller inga stora avvikelser har noterats.
report-legend-yellow = Det finns fortsatta brister, fler åtgärder behöver vidtas eller arbete pågår.
report-legend-red = Det finns allvarliga brister som kräver åtgärd.
report-legend-not-assessed = Har inte bedömts i denna genomgång.
report-decision-adopted = Antagen
report-decision-rejected = Avslagen
report-decision-amended = Ändrad
report-decision-tabled = Bordlagd
report-priority-low = Låg
report-priority-medium = Medel
report-priority-high = Hög
report-overdue = Försenad

## Förändringar sedan föregående år: ordet, och ordet efter ett antal ("1 förbättrad", "3 förbättrade")

report-change-improved = Förbättrad
report-change-improved-counted = { $count ->
    [one] förbättrad
   *[other] förbättrade
 }
report-change-regressed = Försämrad
report-change-regressed-counted = { $count ->
    [one] försämrad
   *[other] försämrade
 }
report-change-reassessed = Ombedömd
report-change-reassessed-counted = { $count ->
    [one] ombedömd
   *[other] ombedömda
 }
report-change-text-changed = Ändrad text
report-change-text-changed-counted = med ändrad text
report-change-unchanged = Oförändrad
report-change-unchanged-counted = { $count ->
    [one] oförändrad
   *[other] oförändrade
 }
report-change-added = Ny
report-change-added-counted = { $count ->
    [one] ny
   *[other] nya
 }
report-change-removed = Borttagen
report-change-removed-counted = { $count ->
    [one] borttagen
   *[other] borttagna
 }
report-change-follows-up = Uppföljning
report-change-follows-up-counted = { $count ->
    [one] uppföljning
   *[other] uppföljningar
 }
report-text-changed-note = varav { $n } med ändrad text
report-remains = Kvarstår
report-remains-from = Kvarstår (från { $id })
report-remains-reworded = Kvarstår (från { $id }, med omformulerad text)
report-earlier-match = (tidigare { $id }, med omformulerad text)
report-follows-detail = rekommendation { $number } från { $year }
report-history-follow-up = uppföljning { $id }
report-due-by = klart senast { $due }
report-history-recommendation = rekommendation
report-history-priority = , prioritet { $priority }
report-history-decision = , beslut { $decision }
report-owner-due = Ansvarig: { $owner }, klart senast { $due }
report-owner-only = Ansvarig: { $owner }
report-due-only = Klart senast { $due }
report-not-followed-up-heading = Rekommendationer från { $year } som inte följs upp

## Jämförelsen av två år (ledgen diff)

report-diff-heading = Ledningens genomgång { $old } → { $new }
report-diff-title = Förändringar { $old } → { $new }
report-diff-overview = Översikt
report-diff-row = Rad
report-diff-id = Id
report-diff-earlier-recommendations = Rekommendationer från { $old }
report-diff-recommendations = Rekommendationer { $new }
report-diff-follow-up-column = Uppföljning { $new }
report-diff-compared-column = Jämfört med { $old }
report-diff-followed-up-in = följs upp i
report-diff-not-followed-up = följs inte upp
report-diff-followed-up-count = Rekommendationer från { $old }: { $followed } av { $total } följs upp

## Sammanfattningen av förändringarna

report-changes-rows = { $n ->
    [0] inga rader
    [1] en rad
   *[other] { $count } rader
 }
report-changes-status-none = Jämfört med ledningens genomgång { $year } har ingen rad fått förbättrad eller försämrad status.
report-changes-status = Jämfört med ledningens genomgång { $year } har { $improved } fått förbättrad status och { $regressed } försämrad status.
report-changes-besides = { $followed_up ->
    [0] {""}
   *[other] {" "}utöver uppföljningarna
 }
report-changes-rows-none = Inga rader har tillkommit{ $besides } eller tagits bort.
report-changes-rows-changed = Sedan dess har { $added }{ $besides } tillkommit och { $removed } tagits bort.
report-changes-only-followed = Den enda rekommendationen från { $year } följs upp i årets genomgång.
report-changes-only-not-followed = Den enda rekommendationen från { $year } följs inte upp i årets genomgång.
report-changes-all-followed = Alla { $total } rekommendationer från { $year } följs upp i årets genomgång.
report-changes-none-followed = Ingen av de { $total } rekommendationerna från { $year } följs upp i årets genomgång.
report-changes-some-followed = Av de { $total } rekommendationerna från { $year } följs { $followed } upp i årets genomgång.

## Incidenter

report-incidents-none = Inga incidenter har registrerats.
report-incident-one = En incident{ $confidential ->
    [0] {""}
   *[other] , som omfattas av sekretess,
 } har registrerats. { $personal ->
    [0] { $imy ->
        [0] Den rörde inte personuppgifter.
       *[other] Den rörde inte personuppgifter men anmäldes till IMY.
    }
   *[other] { $imy ->
        [0] Den rörde personuppgifter men anmäldes inte till IMY.
       *[other] Den rörde personuppgifter och anmäldes till IMY.
    }
 }
# Upp till tolv incidenter: antalet med bokstäver först i meningen (en mening börjar aldrig med en siffra).
report-incidents-few = { $count } incidenter har registrerats
report-incidents-many = Totalt har { $total } incidenter registrerats
report-incidents-all-confidential = , samtliga omfattas av sekretess
report-incidents-some-confidential = , varav { $count } omfattas av sekretess
report-incidents-no-personal = Ingen av dem rörde personuppgifter eller anmäldes till IMY.
report-incidents-personal = Av dem rörde { $personal } personuppgifter och { $imy } anmäldes till IMY.
report-incidents-sentence = { $first }{ $confidential }. { $rest }

## Den offentliga utgåvan: det som utelämnas

report-withheld-part = Ett avsnitt här
report-withheld-section = Uppgifterna i detta avsnitt
report-withheld-table = Tabellens uppgifter
report-withheld-recommendations = Rekommendationerna här
report-withheld-by = enligt { $provision }
report-withheld-by-osl = enligt offentlighets- och sekretesslagen
report-withheld-sentence = { $what } omfattas av sekretess { $law } och redovisas inte i den här versionen.
report-confidential-the-row = Raden omfattas av sekretess
report-confidential-of-rows = Av de { $total } raderna omfattas { $count } av sekretess
report-confidential-public = { $count ->
    [one] ; den räknas med här men redovisas inte i den här versionen
   *[other] ; de räknas med här men redovisas inte i den här versionen
 }
report-confidential-marked = { $count ->
    [one] {" "}och är markerad Intern
   *[other] {" "}och är markerade Intern
 }
report-confidential-sentence = { $counted }{ $shown }.
report-classification = Innehåller uppgifter som omfattas av sekretess enligt { $grounds }
report-classification-and-internal = Innehåller uppgifter som omfattas av sekretess enligt { $grounds } samt interna uppgifter
report-classification-internal = Innehåller interna uppgifter
report-masked = {"["}maskerad uppgift]
report-masked-by = {"["}uppgift maskerad enligt { $provision }]
report-masked-note = maskeras
report-masked-note-by = maskeras enligt { $provision }
report-withheld-note = { $n ->
    [0] Antalen inkluderar inga uppgifter som omfattas av sekretess.
    [1] Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas i denna version.
   *[other] Antalen inkluderar även { $count } uppgifter som omfattas av sekretess och inte redovisas i denna version.
 }

## Fastställandet

report-approval-approved = Fastställd
report-approval-by = {" "}av { $by }
report-approval-on-day = {" "}den { $on }
report-approval-in-month = {" "}i { $on }
report-approval-number-first = Diarienummer { $number }
report-approval-number = , diarienummer { $number }
