// csv_to_xlsx IN.csv OUT.xlsx: a CSV export as a one-sheet workbook ("Sheet1"), as Excel
// saves one: numbers as number cells, everything else as shared strings. Made once by
// bench/formats.sh so the reader of .xlsx exports can be timed on the bench export; uses
// careerstat's own CSV reader and libxlsxwriter.
#include "careerstat/io/record_reader.hpp"
#include "careerstat/util/text.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: csv_to_xlsx IN.csv OUT.xlsx\n");
        return 2;
    }
    auto reader = careerstat::io::RecordReader::open(argv[1]);
    lxw_workbook* wb = workbook_new(argv[2]);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
    lxw_row_t row = 0;
    auto put = [&](lxw_col_t col, std::string_view cell) {
        if (cell.empty()) {
            return;
        }
        const bool plain = cell.size() < 16 && cell.find_first_not_of("0123456789.-") == std::string_view::npos;
        if (plain) {
            if (const auto x = careerstat::util::parse_number(cell, false)) {
                worksheet_write_number(ws, row, col, *x, nullptr);
                return;
            }
        }
        worksheet_write_string(ws, row, col, std::string(cell).c_str(), nullptr);
    };
    const auto& header = reader->raw_header();
    for (std::size_t c = 0; c < header.size(); ++c) {
        put(static_cast<lxw_col_t>(c), header[c]);
    }
    while (reader->next()) {
        ++row;
        const auto fields = reader->fields();
        for (std::size_t c = 0; c < fields.size(); ++c) {
            put(static_cast<lxw_col_t>(c), fields[c]);
        }
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
