# Warnings as an INTERFACE target, linked PRIVATE by our own targets only.
add_library(careerstat_warnings INTERFACE)
target_compile_options(careerstat_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  # GCC 12 reports std::string's own memcpy for "literal" + str (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
# -Wnull-dereference is left out: with -O2 it reports false positives inside libstdc++.
