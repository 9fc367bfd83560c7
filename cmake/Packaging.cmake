# `cpack` (after the build) makes careerstat_VERSION_ARCH.deb: the binary in /usr/bin, its
# man page (scripts/manpage.sh: help2man over --help and every command's --help), the
# README and docs/ in /usr/share/doc/careerstat, and the example study in
# /usr/share/doc/careerstat/examples (careerstat report .../examples/study.toml works from
# there). The shared libraries it needs (ReadStat, libxlsxwriter, libzip, fmt, expat) become
# its Depends through dpkg-shlibdeps. tests/pkg/deb.sh unpacks it and runs the example.
include(GNUInstallDirs)

install(TARGETS careerstat RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(CAREERSTAT_MAN "${PROJECT_BINARY_DIR}/careerstat.1")
  add_custom_command(OUTPUT "${CAREERSTAT_MAN}.gz"
    COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/manpage.sh" $<TARGET_FILE:careerstat> "${CAREERSTAT_MAN}"
    COMMAND gzip -9nf "${CAREERSTAT_MAN}"
    DEPENDS careerstat "${PROJECT_SOURCE_DIR}/scripts/manpage.sh"
    COMMENT "careerstat.1 from --help (help2man)")
  add_custom_target(careerstat_man ALL DEPENDS "${CAREERSTAT_MAN}.gz")
  install(FILES "${CAREERSTAT_MAN}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME careerstat)
set(CPACK_PACKAGE_VENDOR "careerstat")
set(CPACK_PACKAGE_CONTACT "careerstat maintainers <careerstat@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "survey analysis for career-guidance research")
set(CPACK_PACKAGE_DESCRIPTION
  "careerstat reads questionnaire exports (LimeSurvey, Qualtrics, SurveyMonkey, Google Forms,\nREDCap, Microsoft Forms, SPSS .sav, Excel .xlsx) with a codebook and computes response\nrates, frequencies, satisfaction indicators, comparisons and trends, as tables and reports\nin Dutch or English.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/package")
include(CPack)
