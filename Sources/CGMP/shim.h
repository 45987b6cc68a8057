// The C surface mathcheck uses: GMP (integers), MPFR (correctly rounded reals) and FLINT (primality proofs and
// factoring). Swift imports gmp.h and mpfr.h as they are; the `cgmp_` functions below exist only where Swift
// cannot see or should not see something. Each says why; delete it when that reason goes away.
#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H

#include <stddef.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
#include <flint/ulong_extras.h>

// mpz_sgn and mpz_odd_p are macros with no function behind them, so Swift cannot call them.
static inline int cgmp_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int cgmp_mpz_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }

// FLINT keeps small integers inline in a tagged word (`fmpz`), which must never escape into Swift: these wrappers
// take and return GMP values and convert at the boundary.

/// Proves primality with FLINT's fmpz_is_prime (Pocklington/Morrison, then APR-CL).
/// Returns 1 when proven prime, 0 when proven composite, -1 when FLINT could not decide.
static inline int cgmp_flint_is_prime(mpz_srcptr n) {
    fmpz_t x;
    fmpz_init(x);
    fmpz_set_mpz(x, n);
    int result = fmpz_is_prime(x);
    fmpz_clear(x);
    return result;
}

/// Factors n with FLINT into `factors` (initialised by the caller with fmpz_factor_init).
/// With smooth_bits <= 0 the factorization is complete (fmpz_factor: trial division, ECM, quadratic sieve) and the
/// call returns 1. Otherwise it is fmpz_factor_smooth's bounded search for prime factors of up to about
/// smooth_bits bits; it returns 1 when n was factored completely and 0 when the last entry is an unfactored
/// cofactor.
static inline int cgmp_flint_factor(fmpz_factor_struct *factors, mpz_srcptr n, long smooth_bits) {
    fmpz_t x;
    fmpz_init(x);
    fmpz_set_mpz(x, n);
    int complete = 1;
    if (smooth_bits <= 0) {
        fmpz_factor(factors, x);
    } else {
        complete = fmpz_factor_smooth(factors, x, smooth_bits, 0);
    }
    fmpz_clear(x);
    return complete;
}

/// The number of entries in a FLINT factor list.
static inline long cgmp_flint_factor_count(const fmpz_factor_struct *factors) { return factors->num; }

/// Copies entry i of a FLINT factor list into `prime` and returns its exponent.
static inline unsigned long cgmp_flint_factor_get(mpz_ptr prime, const fmpz_factor_struct *factors, long i) {
    fmpz_get_mpz(prime, factors->p + i);
    return factors->exp[i];
}

#endif
