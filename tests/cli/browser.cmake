# The example report as a person sees it: rendered to HTML and opened in headless Chromium
# (Debian's chromium package), checked from inside the browser by tests/browser/check_report.py.
# Skipped (exit 77) where chromium or python3 is missing. UPDATE_SCREENSHOT=1 in the
# environment of a passing run refreshes docs/report-screenshot.png.
add_test(NAME browser.report
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/browser/report_in_chromium.sh $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(browser.report PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 120
  RESOURCE_LOCK chromium
  LABELS browser)
