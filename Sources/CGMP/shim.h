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

/// Looks for a factor of odd composite n (with no small factors) with FLINT's elliptic-curve method: `curves`
/// curves with stage-one bound b1 and stage-two bound 100·b1, from a random state seeded with `seed` so that runs
/// repeat exactly. Returns 1 and sets `factor` when a factor was found.
///
/// FLINT's own fmpz_factor is not used: its quadratic sieve (FLINT 2.9) writes relations to a fixed file
/// "siqs.dat" in the current directory, so concurrent factorizations in threads or processes corrupt each other.
static inline int cgmp_flint_ecm(mpz_ptr factor, mpz_srcptr n, unsigned long curves, unsigned long b1,
                                 unsigned long seed) {
    fmpz_t x, f;
    flint_rand_t state;
    fmpz_init(x);
    fmpz_init(f);
    flint_randinit(state);
    flint_randseed(state, seed, seed ^ 0x9E3779B97F4A7C15UL);
    fmpz_set_mpz(x, n);
    int found = fmpz_factor_ecm(f, curves, b1, b1 * 100, state, x);
    if (found) fmpz_get_mpz(factor, f);
    flint_randclear(state);
    fmpz_clear(f);
    fmpz_clear(x);
    return found != 0;
}

/// Factors a word completely with FLINT's n_factor (trial division, SQUFOF, Pollard-Brent; factors proven prime).
/// Writes up to 15 primes and exponents into the caller's buffers, since Swift sees n_factor_t's fixed arrays
/// only as tuples. Returns the number of distinct primes.
static inline int cgmp_n_factor(unsigned long n, unsigned long *primes, int *exponents) {
    n_factor_t factors;
    n_factor_init(&factors);
    n_factor(&factors, n, 1);
    for (int i = 0; i < factors.num; i++) {
        primes[i] = factors.p[i];
        exponents[i] = factors.exp[i];
    }
    return factors.num;
}

/// Strong probable-prime (Miller-Rabin) test of the odd word n > 2 to base a with FLINT's precomputed-inverse
/// arithmetic. Returns 1 when n passes (a is not a witness), 0 when a proves n composite.
static inline int cgmp_word_is_strong_probable_prime(unsigned long n, unsigned long a) {
    unsigned long d = n - 1;
    while ((d & 1) == 0) d >>= 1;
    return n_is_strong_probabprime2_preinv(n, n_preinvert_limb(n), a % n, d);
}

/// FLINT's Lucas probable-prime test with Selfridge's parameters (method A), the second half of BPSW.
/// Returns 1 when n passes, 0 when n is proven composite.
static inline int cgmp_flint_lucas(mpz_srcptr n) {
    fmpz_t x;
    fmpz_init(x);
    fmpz_set_mpz(x, n);
    int result = fmpz_is_probabprime_lucas(x);
    fmpz_clear(x);
    return result;
}

#endif
