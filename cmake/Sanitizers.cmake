# Sanitizer and fuzzing builds, each in a build tree of its own (scripts/fuzz.sh, .ci/run):
#   -DCAREERSTAT_SANITIZE=ON  everything (library, CLI, tests) with ASan and UBSan, so
#                             `ctest --test-dir build-asan` runs the whole suite under them
#   -DCAREERSTAT_FUZZ=ON      also the library instrumented for libFuzzer and tests/fuzz/
#                             linked with it (clang only: CC=clang-14 CXX=clang++-14)
option(CAREERSTAT_SANITIZE "Build everything with AddressSanitizer and UBSan" OFF)
option(CAREERSTAT_FUZZ "Build the libFuzzer targets in tests/fuzz (clang; implies the sanitizers)" OFF)
# -DCAREERSTAT_TSAN=ON     ThreadSanitizer instead, for the reader threads (the CSV
#                          pipeline, the .sav decoder, the workbook's inflater): build
#                          careerstat and careerstat_unit, then run ctest -R "^cli\.|^sav\.|^xlsx\."
#                          and tests/careerstat_unit; a race is a warning on stderr, which
#                          fails the goldens.
option(CAREERSTAT_TSAN "Build everything with ThreadSanitizer (not with the sanitizers above)" OFF)
if(CAREERSTAT_TSAN)
  if(CAREERSTAT_SANITIZE OR CAREERSTAT_FUZZ)
    message(FATAL_ERROR "CAREERSTAT_TSAN cannot be combined with ASan (CAREERSTAT_SANITIZE, CAREERSTAT_FUZZ)")
  endif()
  add_compile_options(-fsanitize=thread -g)
  add_link_options(-fsanitize=thread)
endif()

if(CAREERSTAT_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "CAREERSTAT_FUZZ needs clang (libFuzzer); configure a fresh build tree "
                      "with CC=clang-14 CXX=clang++-14")
endif()

if(CAREERSTAT_SANITIZE OR CAREERSTAT_FUZZ)
  # -O1 after the build type's -O3 wins; _GLIBCXX_ASSERTIONS adds libstdc++'s checks (an
  # empty std::optional dereferenced, operator[] out of range), which no sanitizer sees.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -O1 -g -D_GLIBCXX_ASSERTIONS
                      # GCC's flow analysis under -fsanitize reports std::variant members
                      # as maybe uninitialized where they are not.
                      $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  add_link_options(-fsanitize=address,undefined)
  # The sanitizers' default options, compiled into every executable, so the suite, the CLI
  # run by hand and the fuzzers all use them (ASAN_OPTIONS / UBSAN_OPTIONS still win).
  add_library(careerstat_sanitizer_defaults INTERFACE)
  target_sources(careerstat_sanitizer_defaults INTERFACE
    "$<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:${CMAKE_CURRENT_LIST_DIR}/sanitizer_defaults.cpp>")
  link_libraries(careerstat_sanitizer_defaults)
endif()

if(CAREERSTAT_FUZZ)
  # Coverage for libFuzzer in everything; only tests/fuzz/ links libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
