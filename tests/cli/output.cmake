# The file safety rules of -o (src/cli/output.hpp): inputs are never written to, an
# existing file is replaced only with --force, devices and FIFOs are written, not renamed
# over, table files get distinct names, write errors are reported, and a signal leaves no
# temporary file. Each case of output.sh works on copies in a temporary folder.
foreach(case input_export input_report input_response input_stdin input_directory fifo
             devnull exists_file exists_codebook exists_directory stdout_dash collide dev_full)
  add_test(NAME cli.out_${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/output.sh" ${case} $<TARGET_FILE:careerstat>
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(cli.out_${case} PROPERTIES ENVIRONMENT "GOLDEN_DIR=${GOLDEN_DIR}"
    TIMEOUT 30)
endforeach()

# Killed while writing: skipped (77) when the run ends before the signal can arrive.
foreach(sig TERM INT)
  add_test(NAME cli.out_signal_${sig}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/output_signal.sh" ${sig} $<TARGET_FILE:careerstat>
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(cli.out_signal_${sig} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 30)
endforeach()
