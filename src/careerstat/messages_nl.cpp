// Dutch for the messages of careerstat's core library: errors, warnings and notes about
// exports, codebooks, study files and analyses. Keys are the English text exactly as the code
// gives it to msg()/msgf(); the Dutch keeps every fmt field ({}, {:g}) in the same order.
// scripts/check_messages.py checks both. Option names, study-file keys (from = , [[wave]]),
// codebook keywords (single, choices) and file names stay as they are.
#include "careerstat/messages.hpp"

namespace careerstat {

namespace {

constexpr std::pair<std::string_view, std::string_view> k_entries[] = {
    {"--ci {}: use wilson, clopper-pearson, jeffreys or agresti-coull",
     "--ci {}: gebruik wilson, clopper-pearson, jeffreys of agresti-coull"},
    {"--level {}: give a confidence level between 0.5 and 0.9999, e.g. 0.95",
     "--level {}: geef een betrouwbaarheidsniveau tussen 0.5 en 0.9999, bijv. 0.95"},
    {"--population {}: give the number of people in the population (a positive number)",
     "--population {}: geef het aantal mensen in de populatie (een positief getal)"},
    {"--weight {}: no such variable in {}",
     "--weight {}: zo'n variabele staat niet in {}"},
    {"--weight {}: a {} variable holds no weights; give a weight or numeric variable",
     "--weight {}: een variabele van type {} bevat geen gewichten; geef een variabele van type "
     "weight of numeric"},
    {"the header has this name {} (columns {} and {}), so careerstat cannot tell which one the "
     "codebook means; name them {} and {} in the codebook (as `careerstat codebook` drafts them)",
     "de kop bevat deze naam {} (kolommen {} en {}), dus careerstat weet niet welke het codeboek "
     "bedoelt; noem ze {} en {} in het codeboek (zoals `careerstat codebook` ze opstelt)"},
    {"{} times",
     "{} keer"},
    {"{} is not a column of {} (it has {} columns)",
     "{} is geen kolom van {} (het heeft {} kolommen)"},
    {"\"{}\" is not one of the codes in choices ({})",
     "\"{}\" is niet een van de codes in choices ({})"},
    {"which code of \"{}\" means the option was selected? Name it in a `selected` column (e.g. "
     "selected = 1) or label the other code as not selected (e.g. 0=Niet gekozen)",
     "welke code van \"{}\" betekent dat de optie gekozen is? Noem die in een kolom `selected` "
     "(bijv. selected = 1) of label de andere code als niet gekozen (bijv. 0=Niet gekozen)"},
    {"the answers are separated by '{}' (\"{}\"); a codebook separates them with '|': \"{}\"",
     "de antwoorden zijn gescheiden door '{}' (\"{}\"); een codeboek scheidt ze met '|': \"{}\""},
    {"\"{}\" has no code before \"=\"",
     "\"{}\" heeft geen code vóór \"=\""},
    {"code {} is listed twice",
     "code {} staat er twee keer in"},
    {"the codebook has no column \"{}\"; expected the header "
     "variable,label,type,choices,missing,group,reverse",
     "het codeboek heeft geen kolom \"{}\"; verwacht werd de kop "
     "variable,label,type,choices,missing,group,reverse"},
    {"{} fields, but the header has {}",
     "{} velden, maar de kop heeft er {}"},
    {"is empty",
     "is leeg"},
    {"\"{}\" is already described on line {}",
     "\"{}\" is al beschreven op regel {}"},
    {"\"{}\" is not a type; use one of id, single, multi, likert, grade, nps, numeric, text, "
     "date, weight, meta",
     "\"{}\" is geen type; gebruik een van id, single, multi, likert, grade, nps, numeric, text, "
     "date, weight, meta"},
    {"is a whole number of at least 1, on a Likert item of a group (the least number of its "
     "items a scale score needs)",
     "is een geheel getal van minstens 1, bij een Likert-item van een groep (het kleinste aantal "
     "items dat een schaalscore nodig heeft)"},
    {"a Likert range is whole numbers, e.g. 1..7",
     "een Likert-bereik bestaat uit gehele getallen, bijv. 1..7"},
    {"only an option column (type multi with a group and choices) names a selected code",
     "alleen een optiekolom (type multi met een group en choices) noemt een gekozen code"},
    {"a {} question needs its answer codes, e.g. 1=Ja|2=Nee",
     "een vraag van type {} heeft antwoordcodes nodig, bijv. 1=Ja|2=Nee"},
    {"a Likert scale's codes are all numbers, or none are (then they score 1, 2, ... in order)",
     "de codes van een Likert-schaal zijn allemaal getallen, of geen enkele (dan scoren ze 1, 2, "
     "... op volgorde)"},
    {"code {} is also an answer in choices",
     "code {} is ook een antwoord in choices"},
    {"the codebook describes no variables",
     "het codeboek beschrijft geen variabelen"},
    {"{}: no variable or group \"{}\"{}; the codebook has: {}",
     "{}: geen variabele of groep \"{}\"{}; het codeboek heeft: {}"},
    {"\"{}\", labelled \"{}\"",
     "\"{}\", met label \"{}\""},
    {" or ",
     " of "},
    {" (did you mean {}?)",
     " (bedoelde u {}?)"},
    {"is in the codebook ({}:{}) but not in the export",
     "staat in het codeboek ({}:{}) maar niet in de export"},
    {"{}: column \"{}\": its missing values are the range {} THRU {}, which a codebook cannot "
     "list code by code; write a codebook with `careerstat codebook {}` and give the missing "
     "codes there",
     "{}: kolom \"{}\": de ontbrekende waarden zijn het bereik {} THRU {}, dat een codeboek niet "
     "code voor code kan opsommen; maak een codeboek met `careerstat codebook {}` en geef daar "
     "de ontbrekende codes"},
    {"multiple category set ${} ({}) is read as {} separate questions: a careerstat codebook has "
     "no such set",
     "meervoudige-categorieënset ${} ({}) wordt gelezen als {} losse vragen: een "
     "careerstat-codeboek kent zo'n set niet"},
    {"column \"{}\": code {} ({}) is read as a missing code, not a point of the scale",
     "kolom \"{}\": code {} ({}) wordt gelezen als ontbrekende code, niet als punt van de schaal"},
    {"the file was changed after careerstat wrote it (its labels or missing values differ): it "
     "is read through its dictionary, not the codebook careerstat wrote into it",
     "het bestand is gewijzigd nadat careerstat het schreef (de labels of ontbrekende waarden "
     "verschillen): het wordt gelezen via zijn eigen woordenboek, niet via het codeboek dat "
     "careerstat erin schreef"},
    {"the header names no columns; expected the variable names on its first line",
     "de kop noemt geen kolommen; verwacht werden de variabelenamen op de eerste regel"},
    {"the data dictionary describes none of the export's columns",
     "het datawoordenboek beschrijft geen enkele kolom van de export"},
    {"column \"{}\": the export writes {}/{} for the dictionary's codes 0/1; the draft takes the "
     "export's codes",
     "kolom \"{}\": de export schrijft {}/{} voor de codes 0/1 van het woordenboek; de opzet "
     "neemt de codes van de export"},
    {"{}:{}: column \"min_items\": {} differs from {} on line {}, for the same scale \"{}\"",
     "{}:{}: kolom \"min_items\": {} verschilt van {} op regel {}, voor dezelfde schaal \"{}\""},
    {"{}: scale \"{}\": min_items = {}, but it has {} items",
     "{}: schaal \"{}\": min_items = {}, maar die heeft {} items"},
    {"\"{}\" is not a weight (a positive number)",
     "\"{}\" is geen gewicht (een positief getal)"},
    {"\"{}\" is not a number",
     "\"{}\" is geen getal"},
    {"weight {} is above 10^15: a weight counts people, so this is not a survey weight (is it "
     "the right column?)",
     "gewicht {} is groter dan 10^15: een gewicht telt mensen, dus dit is geen steekproefgewicht "
     "(is het de goede kolom?)"},
    {"weight {} is not positive",
     "gewicht {} is niet positief"},
    {"{} is outside the range {}..{}",
     "{} ligt buiten het bereik {}..{}"},
    {"\"{}\" is not one of the option codes ({})",
     "\"{}\" is niet een van de optiecodes ({})"},
    {"\"{}\" in \"{}\" is not an answer in the codebook ({}; answers are separated by \"{}\")",
     "\"{}\" in \"{}\" is geen antwoord uit het codeboek ({}; antwoorden zijn gescheiden door "
     "\"{}\")"},
    {"code \"{}\" is not in the codebook ({})",
     "code \"{}\" staat niet in het codeboek ({})"},
    {"the header has this name twice (columns {} and {}), so careerstat cannot tell which one "
     "the codebook means; rename one of them in the export",
     "de kop bevat deze naam twee keer (kolommen {} en {}), dus careerstat weet niet welke het "
     "codeboek bedoelt; geef een van beide een andere naam in de export"},
    {"--by {}:{}: \"{}\" is not a band; write bands as 18-29,30-44,45-64,65- (ends included)",
     "--by {}:{}: \"{}\" is geen klasse; schrijf klassen als 18-29,30-44,45-64,65- (grenzen "
     "inbegrepen)"},
    {"--by {}:{}: bands \"{}\" and \"{}\" overlap or are out of order; give them from low to high",
     "--by {}:{}: klassen \"{}\" en \"{}\" overlappen of staan niet op volgorde; geef ze van "
     "laag naar hoog"},
    {"--by {}: only a numeric variable is cut into bands; \"{}\" is {}, and its answers are the "
     "columns",
     "--by {}: alleen een numerieke variabele wordt in klassen verdeeld; \"{}\" is {}, en de "
     "antwoorden ervan zijn de kolommen"},
    {"--by {}: a number needs bands, e.g. --by {}:18-29,30-44,45-64,65-",
     "--by {}: een getal heeft klassen nodig, bijv. --by {}:18-29,30-44,45-64,65-"},
    {"--by {}: \"{}\" is a battery of {} items; break down by one of them",
     "--by {}: \"{}\" is een reeks van {} items; splits naar een ervan"},
    {"--by {}: a column of type {} has no categories to break down by",
     "--by {}: een kolom van type {} heeft geen categorieën om naar te splitsen"},
    {"--by {}: given twice",
     "--by {}: twee keer gegeven"},
    {"--by {}: \"{}\" is also a question to break down, and by itself it is only its own "
     "diagonal; leave it out of the questions",
     "--by {}: \"{}\" is ook een vraag die wordt uitgesplitst, en naar zichzelf geeft die alleen "
     "de eigen diagonaal; laat hem weg uit de vragen"},
    {"--where \"{}\": expected VAR=CODE, VAR!=CODE or \"VAR in CODE,CODE\"",
     "--where \"{}\": verwacht werd VAR=CODE, VAR!=CODE of \"VAR in CODE,CODE\""},
    {"--where \"{}\": no variable \"{}\" in {}{}",
     "--where \"{}\": geen variabele \"{}\" in {}{}"},
    {"--where \"{}\": \"{}\" is not a code of {}{}",
     "--where \"{}\": \"{}\" is geen code van {}{}"},
    {"\"{}\" is a scale score (the mean of its items): --where and weights take a variable of "
     "the export",
     "\"{}\" is een schaalscore (het gemiddelde van de items): --where en gewichten nemen een "
     "variabele van de export"},
    {"; `careerstat validate` lists every problem",
     "; `careerstat validate` somt elk probleem op"},
    {"every respondent needs a positive weight of at most 10^15",
     "elke respondent heeft een positief gewicht van hoogstens 10^15 nodig"},
    {"{}: no disposition column ({}); the sample file needs one row per invitee with an AAPOR "
     "disposition code",
     "{}: geen kolom met de dispositie ({}); het steekproefbestand heeft één rij per genodigde "
     "nodig met een AAPOR-dispositiecode"},
    {"looked for disposition, dispositie, aapor, status",
     "gezocht naar disposition, dispositie, aapor, status"},
    {"looked for ",
     "gezocht naar "},
    {"--by {}: {} has no such column",
     "--by {}: {} heeft zo'n kolom niet"},
    {"\"{}\" is not an AAPOR disposition code (1.1 complete, 1.2 partial, 2.1x refusal and "
     "break-off, 2.2x non-contact, 2.3x other, 3.x unknown eligibility, 4.x not eligible; or I, "
     "P, R, NC, O, UH, UO, NE)",
     "\"{}\" is geen AAPOR-dispositiecode (1.1 volledig, 1.2 gedeeltelijk, 2.1x weigering en "
     "afbreken, 2.2x geen contact, 2.3x overig, 3.x geschiktheid onbekend, 4.x niet geschikt; of "
     "I, P, R, NC, O, UH, UO, NE)"},
    {"cannot write the .sav file ({}): {}",
     "kan het .sav-bestand niet schrijven ({}): {}"},
    {"{}: codes that are not numbers are numbered on from the largest numeric code (value labels "
     "say which)",
     "{}: codes die geen getal zijn, worden doorgenummerd vanaf de grootste numerieke code (de "
     "waardelabels zeggen welke)"},
    {"{} is named {} (an SPSS name)",
     "{} heet {} (een SPSS-naam)"},
    {"{}:{}: column \"{}\" {}",
     "{}:{}: kolom \"{}\" {}"},
    {"{}:{}: column \"{}\": {}; `careerstat validate` lists every problem",
     "{}:{}: kolom \"{}\": {}; `careerstat validate` somt elk probleem op"},
    {"{}:{}: column \"missing\": {} has {} missing codes, but an SPSS file keeps three, or a "
     "range and one, that hold no valid answer; merge some in the codebook (docs/output.md)",
     "{}:{}: kolom \"missing\": {} heeft {} ontbrekende codes, maar een SPSS-bestand bewaart er "
     "drie, of een bereik en één, die geen geldig antwoord bevatten; voeg er enkele samen in het "
     "codeboek (docs/output.md)"},
    {"{}:{}: the export changed while it was converted",
     "{}:{}: de export veranderde tijdens het omzetten"},
    {"{}: the export changed while it was converted",
     "{}: de export veranderde tijdens het omzetten"},
    {"warning: ",
     "waarschuwing: "},
    {"column \"{}\": ",
     "kolom \"{}\": "},
    {"{}: is a directory, not a CSV export",
     "{}: is een map, geen CSV-export"},
    {"{}: cannot open: {}",
     "{}: kan niet openen: {}"},
    {"the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and try again",
     "het bestand is UTF-16 (Excels \"Unicode-tekst\"); sla het op als \"CSV UTF-8\" en probeer "
     "opnieuw"},
    {"binary data (a NUL byte at byte {}); this is not a CSV export",
     "binaire gegevens (een NUL-byte op byte {}); dit is geen CSV-export"},
    {"the file is empty; expected a header row",
     "het bestand is leeg; verwacht werd een koprij"},
    {"the file has no variables",
     "het bestand heeft geen variabelen"},
    {"{}: --delimiter and --encoding are for CSV exports; this file is not one",
     "{}: --delimiter en --encoding zijn voor CSV-exports; dit bestand is er geen"},
    {"{}: --sheet \"{}\" is for an Excel .xlsx workbook; this file is not one",
     "{}: --sheet \"{}\" is voor een Excel-werkmap (.xlsx); dit bestand is er geen"},
    {"an Excel 97-2003 workbook (.xls) or a password-protected one: save it in Excel, without a "
     "password, as .xlsx or as CSV UTF-8",
     "een Excel 97-2003-werkmap (.xls) of een met wachtwoord beveiligde: sla hem in Excel zonder "
     "wachtwoord op als .xlsx of als CSV UTF-8"},
    {"an OpenDocument spreadsheet (.ods): save it as .xlsx or as CSV",
     "een OpenDocument-rekenblad (.ods): sla het op als .xlsx of als CSV"},
    {"a quoted field is not closed before the end of the file",
     "een veld tussen aanhalingstekens wordt niet afgesloten vóór het einde van het bestand"},
    {"invalid UTF-8 (byte 0x{:02X}); if the file came from Excel on Windows, try --encoding "
     "windows-1252",
     "ongeldige UTF-8 (byte 0x{:02X}); komt het bestand uit Excel op Windows, probeer dan "
     "--encoding windows-1252"},
    {"a line is longer than {} MiB, the reader's limit; is this really a CSV export?",
     "een regel is langer dan {} MiB, de grens van de lezer; is dit echt een CSV-export?"},
    {"binary data (a NUL byte); this is not a CSV export",
     "binaire gegevens (een NUL-byte); dit is geen CSV-export"},
    {"a multiple response set record could not be read (\"{}\")",
     "een record met een meervoudige-antwoordenset kon niet worden gelezen (\"{}\")"},
    {"multiple response set ${} could not be read; its variables are read as separate variables",
     "meervoudige-antwoordenset ${} kon niet worden gelezen; de variabelen ervan worden als "
     "losse variabelen gelezen"},
    {"the file's dictionary could not be read past {}; its multiple response sets, if any, are "
     "not used",
     "het woordenboek van het bestand kon niet verder worden gelezen dan {}; eventuele "
     "meervoudige-antwoordensets worden niet gebruikt"},
    {"not a {} file that ReadStat can read ({}{}{})",
     "geen {}-bestand dat ReadStat kan lezen ({}{}{})"},
    {"cannot open it again: {}",
     "kan het niet opnieuw openen: {}"},
    {"its cases cannot be reached",
     "de waarnemingen ervan zijn niet bereikbaar"},
    {"case {} is cut short",
     "waarneming {} is afgebroken"},
    {"case {}: a text variable holds a number code",
     "waarneming {}: een tekstvariabele bevat een getalcode"},
    {"case {}: column \"{}\": text that is not UTF-8",
     "waarneming {}: kolom \"{}\": tekst die geen UTF-8 is"},
    {"multiple response set ${} names a variable the file does not have; it is read as separate "
     "variables",
     "meervoudige-antwoordenset ${} noemt een variabele die het bestand niet heeft; die wordt "
     "als losse variabelen gelezen"},
    {"the file is too short to be an SPSS or Stata file",
     "het bestand is te kort voor een SPSS- of Stata-bestand"},
    {"the workbook has no readable {} ({})",
     "de werkmap heeft geen leesbare {} ({})"},
    {"{} cannot be read from the workbook ({})",
     "{} is niet te lezen uit de werkmap ({})"},
    {"{} is not well-formed XML at its line {}: {}",
     "{} is geen geldige XML op zijn regel {}: {}"},
    {"not an Excel .xlsx workbook ({})",
     "geen Excel-werkmap (.xlsx) ({})"},
    {"not an Excel .xlsx workbook (no xl/workbook.xml)",
     "geen Excel-werkmap (.xlsx) (geen xl/workbook.xml)"},
    {"the workbook has no sheets",
     "de werkmap heeft geen bladen"},
    {"{}: no sheet \"{}\"; the workbook has: {}",
     "{}: geen blad \"{}\"; de werkmap heeft: {}"},
    {"sheet \"{}\" is not in the workbook ({})",
     "blad \"{}\" staat niet in de werkmap ({})"},
    {"has no name",
     "heeft geen naam"},
    {"has a line break in its name",
     "heeft een regeleinde in de naam"},
    {"occurs twice",
     "komt twee keer voor"},
    {"occurs {} times",
     "komt {} keer voor"},
    {"clashes with another column's name",
     "botst met de naam van een andere kolom"},
    {"has spaces around its name",
     "heeft spaties rond de naam"},
    {"column {} \"{}\" {}: named {}",
     "kolom {} \"{}\" {}: heet nu {}"},
    {"cannot write the workbook ({}): {}",
     "kan de werkmap niet schrijven ({}): {}"},
    {"cannot write the workbook: sheet \"{}\" was refused",
     "kan de werkmap niet schrijven: blad \"{}\" werd geweigerd"},
    {"cannot write the workbook: no temporary file",
     "kan de werkmap niet schrijven: geen tijdelijk bestand"},
    {"cannot write the workbook: libxlsxwriter could not start one",
     "kan de werkmap niet schrijven: libxlsxwriter kon er geen beginnen"},
    {"cannot write the workbook: its temporary file could not be read back",
     "kan de werkmap niet schrijven: het tijdelijke bestand kon niet worden teruggelezen"},
    {"from = {}: no trend section has the shares of {} among {} (add trend = [\"{}\"] to a "
     "section)",
     "from = {}: geen trendsectie heeft de aandelen van {} onder {} (voeg trend = [\"{}\"] toe "
     "aan een sectie)"},
    {"from = {}: the trend of {} has no comparable share of \"{}\" in {} and {} (its notes say "
     "why)",
     "from = {}: de trend van {} heeft geen vergelijkbaar aandeel \"{}\" in {} en {} (de "
     "voetnoten zeggen waarom)"},
    {"from = {}: a change finding compares with the previous or the first wave",
     "from = {}: een veranderingsbevinding vergelijkt met de vorige of de eerste meting"},
    {"population \"{}\" has no question \"{}\"{}",
     "populatie \"{}\" heeft geen vraag \"{}\"{}"},
    {"\"{}\" is not a single-choice or multi-select question; findings report the share giving "
     "an answer",
     "\"{}\" is geen enkelvoudige keuzevraag of meerkeuzevraag; bevindingen geven het aandeel "
     "dat een antwoord gaf"},
    {"code \"{}\" is not an answer of {} ({})",
     "code \"{}\" is geen antwoord van {} ({})"},
    {"{}: population \"{}\": cannot open {} (paths in a study file are relative to the study "
     "file)",
     "{}: populatie \"{}\": kan {} niet openen (paden in een studiebestand zijn relatief ten "
     "opzichte van het studiebestand)"},
    {"{}: respondents = \"complete\" needs to know the last page: give lastpage's range in {} "
     "(choices = 1..N)",
     "{}: respondents = \"complete\" moet de laatste pagina kennen: geef het bereik van lastpage "
     "in {} (choices = 1..N)"},
    {"{}: population \"{}\": invited = {:g}, but {} holds {:g} returns; invited counts everyone "
     "who was asked",
     "{}: populatie \"{}\": invited = {:g}, maar {} bevat {:g} ingevulde vragenlijsten; invited "
     "telt iedereen die werd gevraagd"},
    {"{}: a section has trend = [...], but the study names no earlier [[wave]] (docs/trend.md)",
     "{}: een sectie heeft trend = [...], maar de studie noemt geen eerdere [[wave]] "
     "(docs/trend.md)"},
    {"no population's codebook has a question \"{}\"{}",
     "het codeboek van geen enkele populatie heeft een vraag \"{}\"{}"},
    {"{}: section \"{}\": no population's codebook has every variable of by = [{}]",
     "{}: sectie \"{}\": het codeboek van geen enkele populatie heeft elke variabele van by = "
     "[{}]"},
    {"{}: \"{}\" is of type {}; the variables of a driver analysis are Likert items, grades, "
     "NPS, numbers or scales",
     "{}: \"{}\" is van type {}; de variabelen van een driveranalyse zijn Likert-items, "
     "rapportcijfers, NPS, getallen of schalen"},
    {"{}: section \"{}\": no population's codebook has a scale \"{}\" (a group of two or more "
     "Likert items)",
     "{}: sectie \"{}\": het codeboek van geen enkele populatie heeft een schaal \"{}\" (een "
     "groep van twee of meer Likert-items)"},
    {"{}: section \"{}\": no population's codebook has \"{}\" and every predictor",
     "{}: sectie \"{}\": het codeboek van geen enkele populatie heeft \"{}\" en elke voorspeller"},
    {"unknown key \"{}\" in {} (known: {})",
     "onbekende sleutel \"{}\" in {} (bekend: {})"},
    {"{} needs \"{}\"",
     "{} heeft \"{}\" nodig"},
    {"\"{}\" must be a string",
     "\"{}\" moet tekst tussen aanhalingstekens zijn"},
    {"{} is a list of names: {} = [\"...\"]",
     "{} is een lijst van namen: {} = [\"...\"]"},
    {"{} are names in quotes",
     "{} zijn namen tussen aanhalingstekens"},
    {"each earlier wave is a [[wave]] table with year and study",
     "elke eerdere meting is een tabel [[wave]] met year en study"},
    {"a wave needs its year as a whole number: year = 2015",
     "een meting heeft haar jaar nodig als geheel getal: year = 2015"},
    {"rename is a table: old_name = \"new_name\"",
     "rename is een tabel: oude_naam = \"nieuwe_naam\""},
    {"rename of \"{}\": the new name in quotes",
     "rename van \"{}\": de nieuwe naam tussen aanhalingstekens"},
    {"rename: two old names become \"{}\"",
     "rename: twee oude namen worden \"{}\""},
    {"recode is a table per variable: [wave.recode.NAME] with \"old code\" = \"new code\"",
     "recode is een tabel per variabele: [wave.recode.NAAM] met \"oude code\" = \"nieuwe code\""},
    {"recode.{}: a table of \"old code\" = \"new code\"",
     "recode.{}: een tabel van \"oude code\" = \"nieuwe code\""},
    {"recode.{}: code \"{}\": the new code in quotes (\"\" leaves the answer out)",
     "recode.{}: code \"{}\": de nieuwe code tussen aanhalingstekens (\"\" laat het antwoord weg)"},
    {"{}: is a directory; give the study file (.toml)",
     "{}: is een map; geef het studiebestand (.toml)"},
    {"{}: cannot open: no such file",
     "{}: kan niet openen: bestand bestaat niet"},
    {"min_items is a table of scales: min_items = { outcome = 4 }",
     "min_items is een tabel van schalen: min_items = { outcome = 4 }"},
    {"min_items of \"{}\" must be a whole number, 1 or more",
     "min_items van \"{}\" moet een geheel getal zijn, 1 of meer"},
    {"findings must be \"auto\" (add the significant differences) or \"manual\"",
     "findings moet \"auto\" (voeg de significante verschillen toe) of \"manual\" zijn"},
    {"\"auto_findings\" must be a whole number, 0 or more",
     "\"auto_findings\" moet een geheel getal zijn, 0 of meer"},
    {"\"year\" must be a whole number, e.g. 2015",
     "\"year\" moet een geheel getal zijn, bijv. 2015"},
    {"language \"{}\": use \"nl\" or \"en\"",
     "language \"{}\": gebruik \"nl\" of \"en\""},
    {"respondents must be \"all\" or \"complete\"",
     "respondents moet \"all\" of \"complete\" zijn"},
    {"{}: the study names no population; add a [[population]] with name and export",
     "{}: de studie noemt geen populatie; voeg een [[population]] toe met name en export"},
    {"each population must be a [[population]] table",
     "elke populatie moet een tabel [[population]] zijn"},
    {"\"platform\" must be one of {}",
     "\"platform\" moet een van deze zijn: {}"},
    {"\"invited\" must be a positive whole number",
     "\"invited\" moet een positief geheel getal zijn"},
    {"population \"{}\" is named twice",
     "populatie \"{}\" wordt twee keer genoemd"},
    {"each section must be a [[section]] table",
     "elke sectie moet een tabel [[section]] zijn"},
    {"no population \"{}\"",
     "geen populatie \"{}\""},
    {"a section needs questions = [\"...\"], scales = [\"...\"], drivers = \"...\" or trend = "
     "[\"...\"]",
     "een sectie heeft questions = [\"...\"], scales = [\"...\"], drivers = \"...\" of trend = "
     "[\"...\"] nodig"},
    {"a trend section has no by = [...]: a trend compares waves",
     "een trendsectie heeft geen by = [...]: een trend vergelijkt metingen"},
    {"drivers = \"outcome\" and predictors = [\"...\"] go together",
     "drivers = \"outcome\" en predictors = [\"...\"] horen bij elkaar"},
    {"{} is the sentence of a driver analysis: it needs drivers = \"...\"",
     "{} is de zin van een driveranalyse: die heeft drivers = \"...\" nodig"},
    {"pairwise is true or false",
     "pairwise is true of false"},
    {"\"bootstrap\" must be a whole number, 0 or more",
     "\"bootstrap\" moet een geheel getal zijn, 0 of meer"},
    {"by is a list of names: by = [\"bureau\"]",
     "by is een lijst van namen: by = [\"bureau\"]"},
    {"by names are in quotes",
     "namen in by staan tussen aanhalingstekens"},
    {"\"{}\" must be a whole number, 0 or more",
     "\"{}\" moet een geheel getal zijn, 0 of meer"},
    {"each finding must be a [[finding]] table",
     "elke bevinding moet een tabel [[finding]] zijn"},
    {"base must be \"all\" or \"valid\"",
     "base moet \"all\" of \"valid\" zijn"},
    {"\"from\" is the year of an earlier wave, e.g. 2015",
     "\"from\" is het jaar van een eerdere meting, bijv. 2015"},
    {"wave {} is not earlier than this study's year {}; [[wave]] names the earlier waves",
     "meting {} is niet eerder dan het jaar van deze studie, {}; [[wave]] noemt de eerdere "
     "metingen"},
    {"wave {} is named twice",
     "meting {} wordt twee keer genoemd"},
    {"a study with earlier waves needs its own year = ...",
     "een studie met eerdere metingen heeft een eigen year = ... nodig"},
    {"{}:{}: from = {}: the study has no [[wave]] of that year",
     "{}:{}: from = {}: de studie heeft geen [[wave]] van dat jaar"},
    {"{}: [[wave]] year = {} names this study file, whose year is {}",
     "{}: [[wave]] year = {} noemt dit studiebestand zelf, waarvan het jaar {} is"},
    {"{}:{}: [[wave]] year = {}, but {} is the study of {}",
     "{}:{}: [[wave]] year = {}, maar {} is de studie van {}"},
    {"{}: recode of {}: two options become \"{}\"; options of a multi-select question can be "
     "renamed, not merged",
     "{}: recode van {}: twee opties worden \"{}\"; opties van een meerkeuzevraag kunnen een "
     "andere naam krijgen, niet worden samengevoegd"},
    {"a trend needs at least two waves: give two or more study files, or [[wave]] entries in the "
     "study (docs/trend.md)",
     "een trend heeft minstens twee metingen nodig: geef twee of meer studiebestanden, of "
     "[[wave]]-regels in de studie (docs/trend.md)"},
    {"{} and {}: two waves of the same year {}",
     "{} en {}: twee metingen van hetzelfde jaar {}"},
    {"{}: no population of {} has a question \"{}\"",
     "{}: geen populatie van {} heeft een vraag \"{}\""},
    {"{}: rename: no codebook of {} has a variable or group \"{}\"",
     "{}: rename: geen codeboek van {} heeft een variabele of groep \"{}\""},
    {"{}: rename: {} = \"{}\", but no codebook of {} has a variable or group \"{}\"",
     "{}: rename: {} = \"{}\", maar geen codeboek van {} heeft een variabele of groep \"{}\""},
    {"{}: rename: {} = \"{}\", but {} already has a \"{}\" (rename that one too)",
     "{}: rename: {} = \"{}\", maar {} heeft al een \"{}\" (geef die ook een andere naam)"},
    {"{}: same: no codebook of {} has a variable \"{}\"",
     "{}: same: geen codeboek van {} heeft een variabele \"{}\""},
    {"{}: recode.{}: {} has no variable \"{}\"",
     "{}: recode.{}: {} heeft geen variabele \"{}\""},
    {"{}: recode.{}: {} is a {} question; recode maps the answer codes of a single-choice, "
     "Likert or one-column multi-select question",
     "{}: recode.{}: {} is een vraag van type {}; recode zet de antwoordcodes om van een "
     "enkelvoudige keuzevraag, een Likert-item of een meerkeuzevraag in één kolom"},
    {"{}: recode.{}: code \"{}\" is not an answer of {} in {}",
     "{}: recode.{}: code \"{}\" is geen antwoord van {} in {}"},
    {"{}: recode.{}: \"{}\" = \"{}\": {} is not an answer of {} in {}",
     "{}: recode.{}: \"{}\" = \"{}\": {} is geen antwoord van {} in {}"},
    {"drivers of \"{}\": {:g} respondents answered the outcome and all {} predictors; a "
     "regression on {} predictors needs at least {}",
     "drivers van \"{}\": {:g} respondenten beantwoordden de uitkomst en alle {} voorspellers; "
     "een regressie op {} voorspellers heeft er minstens {} nodig"},
    {"drivers of \"{}\": {} has the same value for every respondent in the analysis, so nothing "
     "can go with it",
     "drivers van \"{}\": {} heeft dezelfde waarde voor elke respondent in de analyse, dus niets "
     "kan ermee samenhangen"},
    {"drivers of \"{}\": the predictors are collinear (one is a linear combination of the "
     "others); leave one out",
     "drivers van \"{}\": de voorspellers zijn collineair (één is een lineaire combinatie van de "
     "andere); laat er een weg"},
    {"scale \"{}\": {:g} respondents answered all {} items; alpha needs at least 2 (--pairwise "
     "uses every pair of items instead)",
     "schaal \"{}\": {:g} respondenten beantwoordden alle {} items; alfa heeft er minstens 2 "
     "nodig (--pairwise gebruikt in plaats daarvan elk paar items)"},
    {"scale \"{}\": item {} has no variance{}, so the scale's reliability is not defined",
     "schaal \"{}\": item {} heeft geen variantie{}, dus de betrouwbaarheid van de schaal is "
     "niet bepaald"},
    {" (or a pair of items has no respondents in common)",
     " (of een paar items heeft geen respondenten gemeen)"},
    {" among those who answered every item",
     " onder wie elk item beantwoordde"},
    {"twice",
     "twee keer"},
    {"{}: population \"{}\": no codebook beside the export ({}); using the {} study's, {}",
     "{}: populatie \"{}\": geen codeboek naast de export ({}); het codeboek van de studie van "
     "{} wordt gebruikt, {}"},
    {"{}: population \"{}\": no codebook (looked for {}); copy last year's codebook to {}, or "
     "name it in the [[population]], e.g. codebook = \"../{}/{}\"",
     "{}: populatie \"{}\": geen codeboek (gezocht naar {}); kopieer het codeboek van vorig jaar "
     "naar {}, of noem het in de [[population]], bijv. codebook = \"../{}/{}\""},
    {"the header has an empty column name",
     "de kop heeft een kolom zonder naam"},
    {"the column name appears more than once in the header",
     "de kolomnaam komt meer dan eens voor in de kop"},
    {"is in the export but not in the codebook {}",
     "staat in de export maar niet in het codeboek {}"},
    {"\"{}\" is not a date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, optionally with HH:MM[:SS])",
     "\"{}\" is geen datum (JJJJ-MM-DD, DD-MM-JJJJ of DD/MM/JJJJ, eventueel met UU:MM[:SS])"},
    {"the respondent id is empty",
     "de respondent-id is leeg"},
    {"duplicate respondent id: the same id is on line {}",
     "dubbele respondent-id: dezelfde id staat op regel {}"},
    {"1 field, but the header has {}",
     "1 veld, maar de kop heeft er {}"},
    {"a record of unknown type {}",
     "een record van onbekend type {}"},
    {"ReadStat cannot read it ({}{}{})",
     "ReadStat kan het niet lezen ({}{}{})"},
    {"case {}: its values are out of order",
     "waarneming {}: de waarden staan niet op volgorde"},
    {"{} is not well-formed XML: {}",
     "{} is geen geldige XML: {}"},
    {"an unknown entity &{};",
     "een onbekende entiteit &{};"},
    {"row number \"{}\" is not after row {}",
     "rijnummer \"{}\" komt niet na rij {}"},
    {"cell reference \"{}\" is not a column of Excel's (A to XFD)",
     "celverwijzing \"{}\" is geen kolom van Excel (A tot XFD)"},
    {"a cell refers to shared string {} of {}",
     "een cel verwijst naar gedeelde tekst {} van {}"},
    {"trend of {}: {} is left out, the question changed meaning since; if it measures the same, "
     "map it in the study's [[wave]] of {} (recode, same; docs/trend.md)",
     "trend van {}: {} is weggelaten, de vraag veranderde sindsdien van betekenis; meet hij "
     "hetzelfde, leg dat dan vast in de [[wave]] van {} in de studie (recode, same; "
     "docs/trend.md)"},
    {"{}: population \"{}\" has no invited = N, so the report gives no response rate for it",
     "{}: populatie \"{}\" heeft geen invited = N, dus het rapport geeft er geen "
     "responspercentage voor"},
    {"open_answers is true, false or a list of text questions: open_answers = [\"remarks\"]",
     "open_answers is true, false of een lijst van tekstvragen: open_answers = [\"remarks\"]"},
    {"open_answers: \"{}\" is a {} question in {}; open answers are the answers to text questions",
     "open_answers: \"{}\" is een vraag van type {} in {}; open antwoorden zijn de antwoorden op "
     "tekstvragen"},
    {"open_answers: no population's codebook has a text question \"{}\"{}",
     "open_answers: het codeboek van geen enkele populatie heeft een tekstvraag \"{}\"{}"},
    // Not literal keys: texts of the platform layer that reach msg() as values.
    {"survey previews, tests and spam (Status 1, 2, 8, 9, 12, 17, 40)",
     "voorbeeldweergaven, tests en spam (Status 1, 2, 8, 9, 12, 17, 40)"},
    {"one header row of question texts",
     "één koprij met vraagteksten"},
    {"heading: code. question text",
     "kop: code. vraagtekst"},
    {"heading: full question text",
     "kop: volledige vraagtekst"},
    {"heading: question code",
     "kop: vraagcode"},
    {"3 header rows, ImportId in single quotes (Insights)",
     "3 koprijen, ImportId tussen enkele aanhalingstekens (Insights)"},
    {"3 header rows, ImportId in JSON",
     "3 koprijen, ImportId in JSON"},
    {"legacy: V1, V2, ... above the names",
     "oud formaat: V1, V2, ... boven de namen"},
    {"1 header row",
     "1 koprij"},
    {"data export, a row per event or instance",
     "data-export, een rij per event of instantie"},
    {"data export",
     "data-export"},
    {"2 header rows",
     "2 koprijen"},
};

} // namespace

std::span<const std::pair<std::string_view, std::string_view>> dutch_core_messages() {
    return k_entries;
}

} // namespace careerstat
