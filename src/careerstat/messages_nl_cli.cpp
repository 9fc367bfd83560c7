// Dutch for careerstat's messages of the command line (src/cli/): --help texts, errors,
// warnings and notes. Keys are the English text exactly as the code gives it to msg()/msgf();
// the Dutch keeps every fmt field ({}, {:g}) in the same order. scripts/check_messages.py
// checks both. Option names (--where), file names and codebook values stay as they are.
#include "careerstat/messages.hpp"

namespace careerstat {

namespace {

constexpr std::pair<std::string_view, std::string_view> k_entries[] = {
    {"{}: --dictionary is for a REDCap export; this file has its own dictionary",
     "{}: --dictionary is bedoeld voor een REDCap-export; dit bestand bevat zelf al de codes en "
     "labels"},
    {"{}: not a REDCap data dictionary (no field_name, field_type and field_label columns)",
     "{}: geen data dictionary van REDCap (de kolommen field_name, field_type en field_label "
     "ontbreken)"},
    {"{}: {} export{}{}",
     "{}: {}-export{}{}"},
    {", as --platform says",
     ", zoals opgegeven met --platform"},
    {"{}: codes and labels from the data dictionary {}",
     "{}: codes en labels uit de data dictionary {}"},
    {"{}: the draft read every row; tables leave out {} (--keep-excluded keeps them)",
     "{}: voor het concept zijn alle rijen gelezen; de tabellen laten {} weg (met --keep-excluded "
     "blijven ze erin)"},
    {"wrote a draft codebook of {} variables to {}; check the types and add labels",
     "conceptcodeboek met {} variabelen geschreven naar {}; controleer de typen en vul de labels "
     "aan"},
    {"Infer a draft codebook (CSV) from an export, to edit",
     "Maak uit een export een conceptcodeboek (CSV) om verder te bewerken"},
    {"Example:",
     "Voorbeeld:"},
    {"The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta",
     "De export van de vragenlijst: CSV (- voor standaardinvoer), .xlsx, .sav, .zsav of .dta"},
    {"Write the draft to FILE instead of stdout",
     "Schrijf het concept naar FILE in plaats van naar de standaarduitvoer"},
    {"en, or nl: ';' between fields, as Dutch Excel opens a CSV in columns (careerstat reads "
     "either)",
     "en, of nl: ';' tussen de velden, zodat een Nederlandse Excel de CSV in kolommen opent "
     "(careerstat leest beide)"},
    {"Start with a UTF-8 BOM, which Excel needs to read UTF-8",
     "Begin met een UTF-8-BOM, die Excel nodig heeft om UTF-8 te lezen"},
    {"A REDCap data dictionary to take codes and labels from (default: a *dictionary*.csv beside a "
     "REDCap export that names its fields)",
     "Een data dictionary van REDCap waaruit de codes en labels komen (standaard: een "
     "*dictionary*.csv naast een REDCap-export die de velden van die export noemt)"},
    {"convert reads the export twice (a .sav file gives its number of rows first): give a file, "
     "not standard input",
     "convert leest de export twee keer (een .sav-bestand noemt eerst het aantal rijen): geef een "
     "bestand op, niet de standaardinvoer"},
    {"-o {}: convert writes an SPSS file: name it .sav (or .zsav, compressed)",
     "-o {}: convert schrijft een SPSS-bestand: geef het de extensie .sav (of .zsav, "
     "gecomprimeerd)"},
    {"wrote {}: {} rows, {} variables",
     "{} geschreven: {} rijen, {} variabelen"},
    {"An export and its codebook as a labelled SPSS .sav file",
     "Zet een export en zijn codeboek om in een SPSS-bestand (.sav) met labels"},
    {"Examples:",
     "Voorbeelden:"},
    {"The survey export: CSV, .xlsx, .sav, .zsav or .dta",
     "De export van de vragenlijst: CSV, .xlsx, .sav, .zsav of .dta"},
    {"Codebook (default: <export>.codebook.csv)",
     "Codeboek (standaard: <export>.codebook.csv)"},
    {"The SPSS file to write (.sav, or .zsav)",
     "Het SPSS-bestand dat geschreven wordt (.sav of .zsav)"},
    {"Banner tables: questions by subgroups, with significance letters",
     "Bannertabellen: vragen uitgesplitst naar subgroepen, met significantieletters"},
    {"Variables or groups to break down (default: every question but the banners)",
     "Variabelen of groepen om uit te splitsen (standaard: elke vraag behalve de "
     "bannervariabelen)"},
    {"Means, SDs, top-2 box, grades and Net Promoter Score with intervals",
     "Gemiddelden, standaarddeviaties, top-2-box, rapportcijfers en Net Promoter Score met "
     "betrouwbaarheidsintervallen"},
    {"Variables or groups to describe (default: every question)",
     "Variabelen of groepen om te beschrijven (standaard: elke vraag)"},
    {"{}: cannot open: No such file or directory",
     "{}: kan niet openen: bestand of map bestaat niet"},
    {"Questionnaire drift: what changed between two waves' codebooks",
     "Veranderingen in de vragenlijst: wat er tussen de codeboeken van twee metingen veranderde"},
    {"The earlier wave's codebook",
     "Het codeboek van de eerdere meting"},
    {"The later wave's codebook",
     "Het codeboek van de latere meting"},
    {"{}: no variable or scale \"{}\" (the {}){}",
     "{}: geen variabele of schaal \"{}\" (als {}){}"},
    {"{}: \"{}\" is of type {}; the {} of a driver analysis is a Likert item, grade, NPS, number "
     "or scale score",
     "{}: \"{}\" is van het type {}; de {} van een driveranalyse is een Likert-item, "
     "rapportcijfer, NPS, getal of schaalscore"},
    {"\"{}\" is named twice (as the outcome or a predictor)",
     "\"{}\" is twee keer genoemd (als outcome of als predictor)"},
    {"Driver analysis: what goes with an outcome (correlations, relative weights)",
     "Driveranalyse: wat samenhangt met een uitkomst (correlaties, relatieve gewichten)"},
    {"The outcome: a grade, NPS, Likert item or scale",
     "De uitkomst (outcome): een rapportcijfer, NPS, Likert-item of schaal"},
    {"Likert items, numbers or scales",
     "De predictoren: Likert-items, getallen of schalen"},
    {"Resamples for the relative weights' intervals; 0: none (the cases are kept in memory for it: "
     "8 bytes x (predictors + 2) each)",
     "Aantal bootstrapsteekproeven voor de intervallen van de relatieve gewichten; 0: geen (de "
     "waarnemingen blijven daarvoor in het geheugen: elk 8 bytes x (predictoren + 2))"},
    {"The bootstrap's random seed",
     "Het startgetal (seed) van de bootstrap"},
    {"Frequency tables with confidence intervals",
     "Frequentietabellen met betrouwbaarheidsintervallen"},
    {"Variables or groups to tabulate (default: every question)",
     "Variabelen of groepen om te tabelleren (standaard: elke vraag)"},
    {"Order of multi-select options: frequency or codebook",
     "Volgorde van de opties bij een vraag met meerdere antwoorden: frequency of codebook"},
    {"Show how careerstat reads an export: dialect, header, first records",
     "Toon hoe careerstat een export leest: dialect, kopregel, eerste records"},
    {"Records to show (0: every record)",
     "Aantal records om te tonen (0: alle records)"},
    {"text or json",
     "text of json"},
    {"Write to FILE instead of standard output",
     "Schrijf naar FILE in plaats van naar de standaarduitvoer"},
    {"The whole study from a study file: response, sections, key findings",
     "Het hele onderzoek vanuit een studiebestand: respons, secties, belangrijkste bevindingen"},
    {"The study file (TOML)",
     "Het studiebestand (TOML)"},
    {"Interval for proportions: wilson, clopper-pearson, jeffreys, agresti-coull",
     "Betrouwbaarheidsinterval voor proporties: wilson, clopper-pearson, jeffreys, agresti-coull"},
    {"Confidence level",
     "Betrouwbaarheidsniveau"},
    {"--invited {}: with several exports, name each: --invited {}=N,...",
     "--invited {}: geef bij meerdere exports elke export een naam: --invited {}=N,..."},
    {"clients",
     "clients"},
    {"--invited {}: \"{}\" is not a positive whole number",
     "--invited {}: \"{}\" is geen positief geheel getal"},
    {"--invited {}: no export called \"{}\" (the exports are: {})",
     "--invited {}: er is geen export met de naam \"{}\" (de exports zijn: {})"},
    {"none",
     "geen"},
    {"response: give one or more exports, or --sample FILE",
     "response: geef een of meer exports op, of --sample FILE"},
    {"response --items: give the export(s) to check",
     "response --items: geef de export(s) op die gecontroleerd moeten worden"},
    {"--by needs --sample: subgroups come from the sample file",
     "--by vereist --sample: de subgroepen komen uit het steekproefbestand"},
    {"--codebook works with one export; with several, put each codebook beside its export as "
     "<stem>.codebook.csv",
     "--codebook werkt met één export; zet bij meerdere exports elk codeboek naast zijn export, "
     "als <naam>.codebook.csv bij <naam>.csv"},
    {"--invited {}={:g}: {} holds {:g} returns, more than were invited",
     "--invited {}={:g}: {} bevat {:g} ingevulde vragenlijsten, meer dan er genodigden zijn"},
    {"Response rates (AAPOR), response per subgroup, item nonresponse",
     "Responspercentages (AAPOR), respons per subgroep, item-nonrespons"},
    {"Survey exports, one per population (CSV)",
     "Exports van de vragenlijst, één per populatie (CSV)"},
    {"Codebook of a single export (default: <export>.codebook.csv)",
     "Codeboek van één export (standaard: <export>.codebook.csv)"},
    {"Number invited: N for one export, or clients=90,employers=45",
     "Aantal genodigden: N bij één export, of clients=90,employers=45"},
    {"Sample file: one row per invitee with an AAPOR disposition code",
     "Steekproefbestand: één rij per genodigde met een AAPOR-code voor de eindstatus"},
    {"Column of the sample file with the disposition (default: disposition)",
     "Kolom van het steekproefbestand met de eindstatus (standaard: disposition)"},
    {"Sample-file column for response per subgroup + chi-square",
     "Kolom van het steekproefbestand voor de respons per subgroep + chikwadraattoets"},
    {"Share of unknown-eligibility cases assumed eligible (default: estimated)",
     "Aandeel van de gevallen met onbekende geschiktheid dat als geschikt wordt aangenomen "
     "(standaard: geschat)"},
    {"Without completion metadata: share of questions answered for a complete return",
     "Zonder metagegevens over voltooiing: het aandeel beantwoorde vragen waarmee een vragenlijst "
     "als volledig telt"},
    {"Item nonresponse per question instead of response rates",
     "Item-nonrespons per vraag in plaats van responspercentages"},
    {"Mark questions with item nonresponse above this percent",
     "Markeer vragen met een item-nonrespons boven dit percentage"},
    {"Interval for rates: wilson, clopper-pearson, jeffreys, agresti-coull",
     "Betrouwbaarheidsinterval voor de percentages: wilson, clopper-pearson, jeffreys, "
     "agresti-coull"},
    {"{}: \"{}\" is not a scale: a scale is a group of two or more Likert items; the codebook's "
     "scales: {}",
     "{}: \"{}\" is geen schaal: een schaal is een groep van twee of meer Likert-items; de schalen "
     "in het codeboek: {}"},
    {"{}: the codebook has no scale (a group of two or more Likert items)",
     "{}: het codeboek heeft geen schaal (een groep van twee of meer Likert-items)"},
    {"Scale reliability: Cronbach's alpha with intervals, omega, item statistics",
     "Betrouwbaarheid van schalen: Cronbachs alfa met intervallen, omega, itemstatistieken"},
    {"Groups of Likert items (default: every scale)",
     "Groepen Likert-items (standaard: elke schaal)"},
    {"Each covariance over the respondents who answered both items (psych::alpha's default), "
     "instead of only those who answered every item (SPSS)",
     "Elke covariantie over de respondenten die beide items beantwoordden (standaard in "
     "psych::alpha), in plaats van alleen over wie alle items beantwoordde (SPSS)"},
    {"{}: a wave of a trend needs its year = ...",
     "{}: een meting van een trend heeft een jaar nodig: year = ..."},
    {"{}: no questions: name them with --question, or give the study a section with trend = [...]",
     "{}: geen vragen: noem ze met --question, of geef het studiebestand een sectie met trend = "
     "[...]"},
    {"{}: a trend needs at least two waves: give two or more study files, or [[wave]] entries in "
     "this one (docs/trend.md)",
     "{}: een trend heeft minstens twee metingen nodig: geef twee of meer studiebestanden op, of "
     "[[wave]]-blokken in dit bestand (docs/trend.md)"},
    {"The yearly survey across its waves: each year side by side, changes tested",
     "Het jaarlijkse onderzoek over alle metingen: elk jaar naast elkaar, veranderingen getoetst"},
    {"The study files of the waves (TOML), in any order",
     "De studiebestanden van de metingen (TOML), in willekeurige volgorde"},
    {"Questions (variables or groups) of the newest wave; default: its trend sections, else every "
     "section's questions",
     "Vragen (variabelen of groepen) van de nieuwste meting; standaard: de trendsecties daarvan, "
     "anders de vragen van alle secties"},
    {"Only this population (its name)",
     "Alleen deze populatie (de naam ervan)"},
    {"Waves with fewer cases are flagged (*) and not tested (default: the study's trend section's "
     "min_base, else 30)",
     "Metingen met minder waarnemingen krijgen een sterretje (*) en worden niet getoetst "
     "(standaard: min_base van de trendsectie van het studiebestand, anders 30)"},
    {"Leave out the questionnaire drift tables (the notes still say what was left out)",
     "Laat de tabellen met veranderingen in de vragenlijst weg (de toelichting vermeldt nog wel "
     "wat is weggelaten)"},
    {"Check an export against its codebook; exit 1 when problems are found",
     "Controleer een export aan de hand van zijn codeboek; afsluitcode 1 als er problemen zijn"},
    {"List every problem (without it, a problem repeated in a column is listed three times, then "
     "counted)",
     "Noem elk probleem (zonder deze optie wordt een probleem dat vaker in een kolom voorkomt drie "
     "keer genoemd en daarna alleen geteld)"},
    {"Field delimiter of the export: , ; tab | (default: sniffed)",
     "Scheidingsteken tussen de velden van de export: , ; tab | (standaard: automatisch herkend)"},
    {"Encoding of the export: utf-8 or windows-1252 (default: detected)",
     "Tekencodering van de export: utf-8 of windows-1252 (standaard: automatisch herkend)"},
    {"The sheet of an .xlsx workbook to read (default: the first)",
     "Het werkblad van een .xlsx-werkmap dat gelezen wordt (standaard: het eerste)"},
    {"Survey platform of the export: ",
     "Vragenlijstprogramma van de export: "},
    {" (default: detected from the header)",
     " (standaard: herkend aan de kopregel)"},
    {"Keep the rows the platform marks as not answers (Qualtrics survey previews, tests and spam)",
     "Behoud de rijen die het vragenlijstprogramma niet als antwoorden telt (voorbeeldweergaven, "
     "tests en spam in Qualtrics)"},
    {"--platform \"{}\": use one of {}",
     "--platform \"{}\": gebruik een van deze: {}"},
    {"--delimiter \"{}\": give one character, or tab",
     "--delimiter \"{}\": geef één teken op, of tab"},
    {"--encoding \"{}\": use utf-8 or windows-1252",
     "--encoding \"{}\": gebruik utf-8 of windows-1252"},
    {"Population size N (e.g. the number invited): finite population correction",
     "Populatiegrootte N (bijv. het aantal genodigden): correctie voor een eindige populatie"},
    {"Weight variable (default: the codebook's weight column)",
     "Gewichtsvariabele (standaard: de variabele van het type weight in het codeboek)"},
    {"Keep respondents matching: VAR=CODE, VAR!=CODE, \"VAR in CODE,CODE\" (repeatable; all must "
     "hold)",
     "Alleen respondenten die voldoen aan: VAR=CODE, VAR!=CODE, \"VAR in CODE,CODE\" (herhaalbaar; "
     "alle voorwaarden moeten gelden)"},
    {"reading from standard input: give the codebook with --codebook",
     "lezen van de standaardinvoer: geef het codeboek op met --codebook"},
    {"{}: no codebook found (looked for {}); give one with --codebook, or draft one with "
     "`careerstat codebook {}`",
     "{}: geen codeboek gevonden (gezocht naar {}); geef er een op met --codebook, of maak een "
     "concept met `careerstat codebook {}`"},
    {"every row of {} is left out ({} rows of {}); --keep-excluded keeps them",
     "alle rijen van {} vallen weg ({} rijen: {}); met --keep-excluded blijven ze erin"},
    {"CAREERSTAT_CONFIG={}: no such file",
     "CAREERSTAT_CONFIG={}: dit bestand bestaat niet"},
    {"{} is \"en\" or \"nl\"",
     "{} moet \"en\" of \"nl\" zijn"},
    {"{} is true or false",
     "{} moet true of false zijn"},
    {"unknown key \"{}\" in careerstat's defaults (known: locale, lang, bom, quiet)",
     "onbekende sleutel \"{}\" in de standaardinstellingen van careerstat (bekend: locale, lang, "
     "bom, quiet)"},
    {"careerstat: survey analysis for career-guidance research",
     "careerstat: analyse van vragenlijsten voor onderzoek naar loopbaanbegeleiding"},
    {"Show the version of careerstat and stop",
     "Toon de versie van careerstat en stop"},
    {"Exit codes: 0 ok, 1 problems in the data, 2 usage error or unreadable input.\nRun "
     "`careerstat COMMAND --help` for a command's options and an example.",
     "Afsluitcodes: 0 in orde, 1 problemen in de gegevens, 2 verkeerd gebruik of onleesbare "
     "invoer.\nVoer `careerstat COMMAND --help` uit voor de opties van een opdracht en een "
     "voorbeeld."},
    {"No notes on standard error (what was recognised or written); warnings and errors are still "
     "written",
     "Geen meldingen op de standaardfoutuitvoer (wat herkend of geschreven is); waarschuwingen en "
     "fouten verschijnen nog wel"},
    {"defaults from {}: {}",
     "standaardinstellingen uit {}: {}"},
    {"none set",
     "geen ingesteld"},
    {"internal error: {}",
     "interne fout: {}"},
    {"Output format: text|csv|tsv|md|json|html|xlsx (default: from -o's extension, else text)",
     "Uitvoerformaat: text|csv|tsv|md|json|html|xlsx (standaard: volgens de extensie van -o, "
     "anders text)"},
    {"Write to FILE (atomically) instead of standard output; DIR/ for one CSV per table",
     "Schrijf naar FILE (in één keer, nooit half) in plaats van naar de standaarduitvoer; DIR/ "
     "voor één CSV per tabel"},
    {"Number format: en, or nl (decimal comma, ';' in CSV, Dutch words)",
     "Getalnotatie: en, of nl (decimale komma, ';' in CSV, Nederlandse woorden)"},
    {"Language of careerstat's own words: en or nl",
     "Taal van de eigen teksten van careerstat: en of nl"},
    {"Start the output with a UTF-8 BOM, which Excel needs to read UTF-8 CSV (every text format "
     "but JSON)",
     "Begin de uitvoer met een UTF-8-BOM, die Excel nodig heeft om een UTF-8-CSV te lezen (alle "
     "tekstformaten behalve JSON)"},
    {"Show raw answer codes next to the labels",
     "Toon de ruwe antwoordcodes naast de labels"},
    {"CSV or TSV with one row per statistic (table, row, row_kind, variable, code, label, column, "
     "value, mark), for scripts; CSV unless --format tsv",
     "CSV of TSV met één rij per statistiek (table, row, row_kind, variable, code, label, column, "
     "value, mark), voor scripts; CSV tenzij --format tsv"},
    {"Let -o replace a file that exists (without it, careerstat refuses)",
     "Laat -o een bestaand bestand vervangen (zonder deze optie weigert careerstat)"},
    {"{}: the path is too long",
     "{}: het pad is te lang"},
    {"{}: too many files open for writing",
     "{}: te veel bestanden tegelijk open om te schrijven"},
    {"{}: the folder {} does not exist",
     "{}: de map {} bestaat niet"},
    {"{}: cannot write here: {}",
     "{}: kan hier niet schrijven: {}"},
    {"{}: writing failed: {}",
     "{}: schrijven mislukt: {}"},
    {"-o {}: the file exists; add --force to replace it",
     "-o {}: het bestand bestaat al; voeg --force toe om het te vervangen"},
    {"{}: cannot write: {}",
     "{}: kan niet schrijven: {}"},
    {"-o {}: {} {} (an input); inputs are never written to",
     "-o {}: {} {} (invoer); careerstat schrijft nooit over invoer heen"},
    {"that is",
     "dat is"},
    {" is",
     " is"},
    {"-o {}: {} is a folder",
     "-o {}: {} is een map"},
    {"standard output is {} (an input); inputs are never written to",
     "de standaarduitvoer is {} (invoer); careerstat schrijft nooit over invoer heen"},
    {"cannot write to standard output: {}",
     "kan niet naar de standaarduitvoer schrijven: {}"},
    {"-o {}: a directory takes one CSV or TSV file per table; use --format csv or tsv",
     "-o {}: een map krijgt één CSV- of TSV-bestand per tabel; gebruik --format csv of tsv"},
    {"-o {}: {} exists; add --force to replace it",
     "-o {}: {} bestaat al; voeg --force toe om het te vervangen"},
    {"-o {}: {} and {} more of its files exist; add --force to replace them",
     "-o {}: {} en nog {} andere bestanden ervan bestaan al; voeg --force toe om ze te vervangen"},
    {"{}: cannot make the directory: {}",
     "{}: kan de map niet maken: {}"},
    {"-o {}: cannot tell the format from the extension; add --format",
     "-o {}: het formaat is niet af te leiden uit de extensie; voeg --format toe"},
    {"--long writes CSV or TSV, not {}: drop --long, or use --format csv or tsv",
     "--long schrijft CSV of TSV, niet {}: laat --long weg, of gebruik --format csv of tsv"},
    {"the format of -o ",
     "het formaat van -o "},
    {"--format xlsx writes a workbook, not text: give -o FILE.xlsx (or redirect standard output to "
     "a file)",
     "--format xlsx schrijft een werkmap, geen tekst: geef -o FILE.xlsx op (of leid de "
     "standaarduitvoer om naar een bestand)"},
    {"--population {:g}: {} holds {:g} returns, more than the population; give the number invited",
     "--population {:g}: {} bevat {:g} ingevulde vragenlijsten, meer dan de populatie; geef het "
     "aantal genodigden op"},
    {"--where kept none of the {:g} respondents; every table is empty",
     "--where liet geen van de {:g} respondenten over; alle tabellen zijn leeg"},
    {"--sig {}: give one or two levels between 0 and 1, e.g. 0.05 or 0.05,0.10 (with a decimal "
     "point: the comma separates two levels)",
     "--sig {}: geef een of twee niveaus tussen 0 en 1, bijv. 0.05 of 0.05,0.10 (met een decimale "
     "punt: de komma scheidt twee niveaus)"},
    {"--sig {}: give one level, or two with the stricter first (0.05,0.10)",
     "--sig {}: geef één niveau, of twee met het strengste eerst (0.05,0.10)"},
    {"Banner variable: its categories become columns (repeatable); a number in bands: --by "
     "age:18-29,30-44,45-64,65-",
     "Bannervariabele: de categorieën worden kolommen (herhaalbaar); een getal in klassen: --by "
     "age:18-29,30-44,45-64,65-"},
    {"Significance level of the column letters; two (0.05,0.10) give upper- and lower-case letters",
     "Significantieniveau van de kolomletters; twee niveaus (0.05,0.10) geven hoofdletters en "
     "kleine letters"},
    {"Multiple-comparison adjustment within each row",
     "Correctie voor meervoudig vergelijken binnen elke rij"},
    {"Columns with a smaller base are flagged (*) and not tested (default 30)",
     "Kolommen met een kleinere basis krijgen een sterretje (*) en worden niet getoetst (standaard "
     "30)"},
    {"Columns with a smaller base show no percentages or means (default 10, or --min-base when "
     "smaller)",
     "Kolommen met een kleinere basis tonen geen percentages of gemiddelden (standaard 10, of "
     "--min-base als die kleiner is)"},
    {"Suppress counts below K, with secondary cells so none can be recovered from the totals (off: "
     "0)",
     "Verberg aantallen onder K, met secundaire cellen zodat geen enkel aantal uit de totalen "
     "terug te rekenen is (uit: 0)"},
    {"Likert items as answer distributions rather than means",
     "Likert-items als antwoordverdelingen in plaats van gemiddelden"},
    {"\"{}\" is a {} column: there is nothing to tabulate",
     "\"{}\" is een kolom van het type {}: er valt niets te tabelleren"},
    {"\"{}\" is a {} question: `careerstat freq` tabulates it; describe shows Likert items, "
     "grades, NPS and numbers",
     "\"{}\" is een vraag van het type {}: `careerstat freq` maakt er een tabel van; describe "
     "toont Likert-items, rapportcijfers, NPS en getallen"},
    {"multi-select",
     "multi"},
    {"Language of careerstat's messages: en or nl",
     "Taal van de meldingen van careerstat: en of nl"},
    {"and {} more like this ({})",
     "en nog {} zoals deze ({})"},
    {"1 row holding only delimiters (an empty row) skipped",
     "1 rij met alleen scheidingstekens (een lege rij) overgeslagen"},
    {"{} rows holding only delimiters (empty rows) skipped",
     "{} rijen met alleen scheidingstekens (lege rijen) overgeslagen"},
    {"1 problem in {} rows of {}",
     "1 probleem in {} rijen van {}"},
    {"{} problems in {} rows of {}",
     "{} problemen in {} rijen van {}"},
    {"{} rows of {} agree with {}",
     "{} rijen van {} kloppen met {}"},
    {"{}: nothing to describe: the codebook has no Likert, grade, NPS or numeric questions; "
     "`careerstat freq` tabulates the others",
     "{}: niets te beschrijven: het codeboek heeft geen Likert-items, rapportcijfers, NPS- of "
     "numerieke vragen; `careerstat freq` tabelleert de andere"},
    // Not literal keys: the roles of inputs (register_input), which reach msg() as values.
    {"a codebook", "een codeboek"},
    {"the codebook", "het codeboek"},
    {"the data dictionary", "het datawoordenboek"},
    {"the export", "de export"},
    {"the sample file", "het steekproefbestand"},
    {"the study file", "het studiebestand"},
};

} // namespace

std::span<const std::pair<std::string_view, std::string_view>> dutch_cli_messages() {
    return k_entries;
}

} // namespace careerstat
