// The raw library calls the benchmarks measure mathcheck against.
#include <gmp.h>
#include <mpfr.h>
