// Benchmark driver: reads an export with careerstat's RecordReader and touches every
// field (sums their lengths), so bench/reader.sh can time reading and splitting alone.
#include "careerstat/errors.hpp"
#include "careerstat/io/record_reader.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: read_fields EXPORT\n");
        return 2;
    }
    try {
        auto reader = careerstat::io::RecordReader::open(argv[1]);
        unsigned long long records = 0;
        unsigned long long fields = 0;
        unsigned long long bytes = 0;
        while (reader->next()) {
            ++records;
            for (auto f : reader->fields()) {
                ++fields;
                bytes += f.size();
            }
        }
        std::printf("%llu records, %llu fields, %llu field bytes\n", records, fields, bytes);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "read_fields: %s\n", e.what());
        return 1;
    }
    return 0;
}
