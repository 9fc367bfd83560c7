// Benchmark driver: fast-cpp-csv-parser's LineReader alone (lines, no fields), the floor
// that bench/reader.sh puts next to careerstat's reader.
#include <cstdio>
#include <cstring>
#include <libfccp/csv.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: read_lines FILE\n");
        return 2;
    }
    io::LineReader in(argv[1]);
    unsigned long long lines = 0;
    unsigned long long bytes = 0;
    while (char* line = in.next_line()) {
        ++lines;
        bytes += std::strlen(line);
    }
    std::printf("%llu lines, %llu bytes\n", lines, bytes);
    return 0;
}
