// Default options of AddressSanitizer and UBSan for the sanitizer builds
// (cmake/Sanitizers.cmake): stop at the first report, with a stack trace, and find leaks.
// ASAN_OPTIONS and UBSAN_OPTIONS in the environment are read after these and win.
extern "C" const char* __asan_default_options();
extern "C" const char* __ubsan_default_options();

extern "C" const char* __asan_default_options() {
    return "detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:"
           "check_initialization_order=1:strict_init_order=1";
}

extern "C" const char* __ubsan_default_options() {
    return "halt_on_error=1:print_stacktrace=1";
}
