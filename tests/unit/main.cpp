// The doctest runner for all unit tests (tests/unit/test_<area>.cpp).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
