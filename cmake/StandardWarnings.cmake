# Warnings as an INTERFACE target, linked PRIVATE by our own targets only.
add_library(careerstat_warnings INTERFACE)
target_compile_options(careerstat_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
