// libFuzzer's entry point for programs that have a main of their own (SwiftPM gives every executable one):
// https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library. Declared here because Swift cannot see it
// otherwise; the library comes with -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
