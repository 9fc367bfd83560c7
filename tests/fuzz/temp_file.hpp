// A temporary file per fuzz process for targets whose input must be a file (a study file
// names other files by path): made once with mkstemp in $TMPDIR (else /tmp), rewritten
// for every input, removed at exit.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace careerstat::fuzz {

inline const std::string& temp_path(const char* stem) {
    static const std::string path = [stem] {
        const char* tmp = std::getenv("TMPDIR");
        std::string p = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/" + stem +
                        "_XXXXXX";
        const int fd = mkstemp(p.data());
        if (fd < 0) {
            std::perror("fuzz: mkstemp");
            std::abort();
        }
        close(fd);
        static const std::string removed_at_exit = p;
        std::atexit([] { std::remove(removed_at_exit.c_str()); });
        return p;
    }();
    return path;
}

} // namespace careerstat::fuzz
