# All dependencies are Debian 12 packages; see scripts/setup.sh for the list.
find_package(Threads REQUIRED)            # fast-cpp-csv-parser reads blocks on a thread
find_package(CLI11 CONFIG REQUIRED)       # libcli11-dev
find_package(fmt CONFIG REQUIRED)         # libfmt-dev
find_package(Boost 1.74 REQUIRED)         # libboost-math-dev (header-only part)
find_package(tomlplusplus CONFIG REQUIRED) # libtomlplusplus-dev: the study file (docs/study.md)
find_path(FCCP_INCLUDE_DIR libfccp/csv.h REQUIRED) # libfccp-dev
# libeigen3-dev: the symmetric eigendecompositions, inverses and Cholesky solves of scale
# reliability, omega and driver analysis (relative weights need R^(1/2)); header-only.
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
# libxlsxwriter-dev: --format xlsx, an Excel workbook (render/xlsx.cpp). Debian ships no
# CMake config for it, so the library and header are found directly.
find_library(XLSXWRITER_LIBRARY xlsxwriter REQUIRED)
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h REQUIRED)
# libreadstat-dev: careerstat convert writes SPSS .sav files (data/sav_writer.cpp).
find_library(READSTAT_LIBRARY readstat REQUIRED)
find_path(READSTAT_INCLUDE_DIR readstat.h REQUIRED)
# libzip-dev and libexpat1-dev: reading .xlsx exports (io/xlsx_source.cpp). Debian 12 has no
# C or C++ xlsx reader; a workbook is a zip of XML parts, read streaming with these two.
# (Debian's libzip CMake config names tools from other packages, so the library is found
# directly.)
find_library(LIBZIP_LIBRARY zip REQUIRED)
find_path(LIBZIP_INCLUDE_DIR zip.h REQUIRED)
find_package(EXPAT REQUIRED)
