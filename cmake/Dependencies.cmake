# All dependencies are Debian 12 packages; see scripts/setup.sh for the list.
find_package(Threads REQUIRED)            # fast-cpp-csv-parser reads blocks on a thread
find_package(CLI11 CONFIG REQUIRED)       # libcli11-dev
find_package(fmt CONFIG REQUIRED)         # libfmt-dev
find_package(Boost 1.74 REQUIRED)         # libboost-math-dev (header-only part)
find_package(tomlplusplus CONFIG REQUIRED) # libtomlplusplus-dev: the study file (docs/study.md)
find_path(FCCP_INCLUDE_DIR libfccp/csv.h REQUIRED) # libfccp-dev
