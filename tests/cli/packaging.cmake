# The Debian package (issue 15, section 1): made with cpack, unpacked with dpkg -x, and the
# example report run from it. Skipped (77) without cpack, dpkg-deb or help2man.
add_test(NAME pkg.deb
  COMMAND bash "${PROJECT_SOURCE_DIR}/tests/pkg/deb.sh" "${PROJECT_BINARY_DIR}"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
set_tests_properties(pkg.deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
