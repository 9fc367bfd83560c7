// `careerstat codebook`: infer a draft codebook from an export.
#include "commands.hpp"
#include "common.hpp"
#include "defaults.hpp"

#include "careerstat/codebook/dictionary.hpp"
#include "careerstat/codebook/infer.hpp"
#include "careerstat/codebook/redcap.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <fmt/format.h>
#include <iostream>

namespace careerstat::cli {

namespace {

struct CodebookOptions {
    std::string export_path;
    std::string output;
    std::string dictionary;
    bool force = false;
    std::string locale;
    bool bom = false;
    InputOptions input;
};

void run_codebook(const CodebookOptions& o) {
    register_input(o.export_path, "the export");
    Export e = open_export(o.export_path, o.input, true);
    auto& reader = e.reader;
    codebook::Codebook cb;
    bool from_dictionary = false;
    std::vector<std::string> dictionary_notes;
    std::string dictionary = o.dictionary;
    if (dictionary.empty() && e.layout.kind == platform::Kind::Redcap) {
        dictionary = codebook::find_redcap_dictionary(o.export_path, reader->header());
    }
    if (reader->dictionary()) {
        // A .sav or .dta knows its labels, codes and missing values: its dictionary is the
        // codebook, written out to be edited.
        if (!o.dictionary.empty()) {
            throw UsageError(msgf("{}: --dictionary is for a REDCap export; this file "
                                  "has its own dictionary",
                                  o.export_path));
        }
        cb = *codebook::dictionary_codebook(*reader, dictionary_notes, &e.layout);
        dictionary = "in the file";
        from_dictionary = true;
    } else if (!dictionary.empty()) {
        // The project's own data dictionary knows the labels and codes: it is the draft.
        register_input(dictionary, "the data dictionary");
        auto dict = io::RecordReader::open(dictionary);
        if (!codebook::is_redcap_dictionary(dict->header())) {
            throw UsageError(msgf("{}: not a REDCap data dictionary (no field_name, "
                                  "field_type and field_label columns)",
                                  dictionary));
        }
        cb = codebook::from_redcap_dictionary(*dict, reader->header());
        // One pass over the export as well: the codes it really writes.
        const codebook::Codebook seen = codebook::infer(*reader, e.layout);
        dictionary_notes = codebook::adopt_export_codes(cb, seen);
        from_dictionary = true;
    } else {
        cb = codebook::infer(*reader, e.layout);
    }
    // An edited codebook is hours of work: write_output() keeps it unless --force.
    write_output(o.output, o.force, [&](std::ostream& out) {
        if (o.bom) {
            out << "\xEF\xBB\xBF";
        }
        cb.write_csv(out, o.locale == "nl" ? ';' : ',');
    });
    if (e.layout.kind != platform::Kind::Generic) {
        note(msgf("{}: {} export{}{}", reader->name(), platform::kind_title(e.layout.kind),
                  e.layout.variant.empty() ? "" : " (" + std::string(msg(e.layout.variant)) + ")",
                  e.layout.forced ? msgf(", as --platform says") : ""));
    }
    for (const std::string& n : e.layout.notes) {
        note(msgf("{}: {}", reader->name(), n));
    }
    if (from_dictionary) {
        note(msgf("{}: codes and labels from the data dictionary {}", reader->name(), dictionary));
        for (const std::string& n : dictionary_notes) {
            note(msgf("{}: {}", reader->name(), n));
        }
    }
    if (e.layout.status_column && !o.input.keep_excluded) {
        note(msgf("{}: the draft read every row; tables leave out {} "
                  "(--keep-excluded keeps them)",
                  reader->name(), msg(e.layout.excluded_what)));
    }
    if (!o.output.empty() && o.output != "-") {
        note(msgf("wrote a draft codebook of {} variables to {}; "
                  "check the types and add labels",
                  cb.variables.size(), o.output));
    }
}

} // namespace

void setup_codebook(CLI::App& app) {
    auto o = std::make_shared<CodebookOptions>();
    CLI::App* sub = app.add_subcommand(
        "codebook", msgf("Infer a draft codebook (CSV) from an export, to edit"));
    sub->footer(msgf("Example:") + "\n  careerstat codebook survey.csv -o survey.codebook.csv");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("-o,--output", o->output, msgf("Write the draft to FILE instead of stdout"));
    o->locale = defaults().locale;
    o->bom = defaults().bom;
    sub->add_option("--locale", o->locale,
                    msgf("en, or nl: ';' between fields, as Dutch Excel opens a CSV in columns "
                         "(careerstat reads either)"))
        ->check(CLI::IsMember({"en", "nl"}));
    sub->add_flag("--bom", o->bom, msgf("Start with a UTF-8 BOM, which Excel needs to read UTF-8"));
    sub->add_option("--dictionary", o->dictionary,
                    msgf("A REDCap data dictionary to take codes and labels from (default: a "
                         "*dictionary*.csv beside a REDCap export that names its fields)"));
    add_force_flag(*sub, o->force);
    o->input.add_to(*sub);
    sub->callback([o] { run_codebook(*o); });
}

} // namespace careerstat::cli
